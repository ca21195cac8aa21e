using Mainstay.Access;
using Mainstay.Data.Access;
using Mainstay.Web.Api;

namespace Mainstay.Web.Hosting;

/// <summary>
/// Finds who makes a request: a script by its personal token (<c>Authorization: Bearer mst_…</c>),
/// a browser by its sign-in cookie (looked up again on every request, so disabling a user takes
/// effect at once). A request with neither is the public's; a bad, expired or revoked token, or one
/// whose user is disabled, is refused with 401 rather than treated as public, so a script notices.
/// The cookie stands for its user on the pages (whose forms carry antiforgery tokens) and for API
/// reads, but not for API writes: those need a token, which a cross-site request cannot send.
/// </summary>
public sealed class Authentication(RequestDelegate next)
{
    private const string UserKey = "mainstay.user";

    public static User? UserOf(HttpContext context) =>
        context.Items.TryGetValue(UserKey, out var user) ? user as User : null;

    public async Task InvokeAsync(HttpContext context, LedgerConnections ledger, SecurityLog log)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            if (context.User.Identity is { IsAuthenticated: true, Name: { } name })
            {
                var session = await ledger.ForRequestAsync(context);
                if (session is not null
                    && await new UserDirectory(session, ledger.Clock).FindAsync(name,
                        context.RequestAborted) is { Disabled: false } signedIn)
                    context.Items[UserKey] = signedIn; // before any refusal, so the security log names the user
                if (IsApiWrite(context.Request))
                {
                    await Refuse(context,
                        "changes through the API need a personal API token (Authorization: Bearer "
                            + "mst_…), not the sign-in cookie");
                    return;
                }
            }
            await next(context);
            return;
        }
        // RFC 9110 11.1: the scheme's name is case-insensitive.
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            log.TokenRefused(null, "not a Bearer token", context);
            await Refuse(context, "expected Authorization: Bearer followed by a personal API token");
            return;
        }
        var db = await ledger.ForRequestAsync(context);
        if (db is null)
        {
            await ApiProblems.Unavailable().ExecuteAsync(context);
            return;
        }
        var secret = header["Bearer ".Length..].Trim();
        var user = await new UserDirectory(db, ledger.Clock).AuthenticateAsync(secret, context.RequestAborted);
        if (!user.IsOk)
        {
            log.TokenRefused(TokenSecret.IdOf(secret), user.Problem.Message, context);
            await Refuse(context, user.Problem.Message);
            return;
        }
        log.TokenUsed(TokenSecret.IdOf(secret)!, user.Value.Name, context);
        context.Items[UserKey] = user.Value;
        await next(context);
    }

    private static bool IsApiWrite(HttpRequest request) =>
        MainstayWeb.IsApi(request.Path) && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));

    private static Task Refuse(HttpContext context, string why)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return ApiProblems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", why).ExecuteAsync(context);
    }
}
