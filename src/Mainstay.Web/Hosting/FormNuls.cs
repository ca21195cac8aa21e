using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Mainstay.Web.Hosting;

/// <summary>
/// A page that can show its form again, as posted, with problems that stop the post (status 422).
/// </summary>
public interface IRefusesForm
{
    Task<IActionResult> RefuseFormAsync(
        IReadOnlyList<(string Field, string Message)> problems, CancellationToken cancel);
}

/// <summary>
/// NUL (<c>%00</c>) in a posted form. ASP.NET Core's form reader throws on it, so the antiforgery
/// check fails with a bare 400 before the page runs, and the form is lost. This reads the form's
/// body first: a NUL is taken out, the fields that held one are noted (and logged), and
/// <see cref="Filter"/> answers with the page, the form as typed less the NUL, and a message per
/// field, 422, before any handler saves anything. Other control characters reach the handlers,
/// which refuse them as every way into the ledger does.
/// </summary>
public static class FormNuls
{
    private const string FieldsKey = "mainstay.nul-fields";

    public static string Message => "control character U+0000 is not allowed";

    /// <summary>The fields of the request's form that held a NUL (empty when none did).</summary>
    public static IReadOnlyList<string> FieldsOf(HttpContext http) =>
        http.Items.TryGetValue(FieldsKey, out var fields) ? (IReadOnlyList<string>)fields! : [];

    public static async Task StripAsync(HttpContext http, Func<Task> next)
    {
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || MainstayWeb.IsApi(request.Path) || !request.HasFormContentType
            || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                != true)
        {
            await next();
            return;
        }
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, http.RequestAborted); // the server's body limit (413) still holds
        var (clean, fields) = Strip(body.GetBuffer().AsSpan(0, (int)body.Length));
        request.Body = clean is null ? new MemoryStream(body.GetBuffer(), 0, (int)body.Length)
            : new MemoryStream(clean);
        request.ContentLength = request.Body.Length;
        if (fields.Count > 0)
        {
            http.Items[FieldsKey] = fields;
            var log = http.RequestServices.GetRequiredService<SecurityLog>();
            foreach (var field in fields)
                log.ControlCharacterRefused(field, http);
        }
        await next();
    }

    /// <summary>The body without NUL (escaped or raw) and the fields that held one; null when there was none.</summary>
    private static (byte[]? Clean, List<string> Fields) Strip(ReadOnlySpan<byte> body)
    {
        if (body.IndexOf("%00"u8) < 0 && body.IndexOf((byte)0) < 0)
            return (null, []);
        var clean = new List<byte>(body.Length);
        var fields = new List<string>();
        foreach (var range in body.Split((byte)'&'))
        {
            var pair = body[range];
            var kept = new List<byte>(pair.Length);
            var hadNul = false;
            for (var i = 0; i < pair.Length; i++)
            {
                if (pair[i] == 0 || (pair[i] == '%' && i + 2 < pair.Length && pair[i + 1] == '0' && pair[i + 2] == '0'))
                {
                    hadNul = true;
                    i += pair[i] == 0 ? 0 : 2;
                    continue;
                }
                var escape = pair[i] == '%' && i + 2 < pair.Length ? 3
                    : 1; // copy an escape whole: "%2500" is not a NUL
                for (var j = 0; j < escape; j++)
                    kept.Add(pair[i + j]);
                i += escape - 1;
            }
            if (clean.Count > 0)
                clean.Add((byte)'&');
            clean.AddRange(kept);
            if (hadNul)
            {
                var key = System.Text.Encoding.UTF8.GetString([.. kept]).Split('=', 2)[0];
                var name = WebUtility.UrlDecode(key);
                if (!fields.Contains(name, StringComparer.Ordinal))
                    fields.Add(name);
            }
        }
        return ([.. clean], fields);
    }

    /// <summary>
    /// Before a page's handler runs: a form that held a NUL is shown again with a message naming
    /// each field (pages that cannot show their form answer a 422 problem), and nothing is saved.
    /// </summary>
    public sealed class Filter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(
            PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var fields = FieldsOf(context.HttpContext);
            if (fields.Count == 0)
            {
                await next();
                return;
            }
            var problems = fields.Select(f => (f, Message)).ToArray();
            context.Result = context.HandlerInstance is IRefusesForm page
                ? await page.RefuseFormAsync(problems, context.HttpContext.RequestAborted)
                : new ObjectResult(new ProblemDetails
                {
                    Status = StatusCodes.Status422UnprocessableEntity, Title = "Unprocessable form",
                    Detail = string.Join("; ", problems.Select(p => $"{SecurityLog.Printable(p.f)}: {p.Message}")),
                }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
    }
}
