using Mainstay.Data.Storage;
using System.Threading.RateLimiting;
using Mainstay.Web.Api;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Mainstay.Web.Hosting;

/// <summary>The web app over one ledger: the API under <c>/api/v1</c> (and, to come, the pages).</summary>
public static class MainstayWeb
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The largest request body accepted: a row is a few hundred bytes, an upload a few megabytes.</summary>
    public const long MaxBodyBytes = 1_000_000;

    /// <summary>The rate limit of sign-in attempts: 10 a minute from one address.</summary>
    public const string SignInLimit = "sign-in";

    public static WebApplication Build(DatabaseTarget ledger, string urls, TimeProvider clock, bool quiet = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        if (quiet)
            builder.Logging.ClearProviders();
        builder.Services.AddSingleton(new LedgerConnections(ledger, clock));
        builder.Services.AddSingleton(clock);
        builder.Services.AddRazorPages().AddApplicationPart(typeof(MainstayWeb).Assembly);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.LoginPath = "/SignIn";
            cookie.Cookie.Name = "mainstay";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        builder.Services.AddAuthorization();
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new() { Title = "Mainstay API", Version = "v1", Description = "The ledger's tables under /api/v1: paged, filtered lists; rows with ETags; changes with If-Match. Sign in with Authorization: Bearer and a personal API token (mainstay user token NAME). Errors are RFC 9457 problem details." };
            return Task.CompletedTask;
        }));
        builder.Services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        builder.Services.AddProblemDetails();
        // Escape <, > and & in JSON too, so a text field holding markup stays inert wherever it lands.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new Microsoft.Extensions.FileProviders.EmbeddedFileProvider(typeof(MainstayWeb).Assembly, "Mainstay.Web.wwwroot"),
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<ApiAuthentication>();
        app.MapLedgerApi();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();
        return app;
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; object-src 'none'";
        return next();
    }
}

/// <summary>Opens the ledger for one request; SQLite files and PostgreSQL's pool make that cheap.</summary>
public sealed class LedgerConnections(DatabaseTarget target, TimeProvider clock)
{
    public TimeProvider Clock => clock;

    public async Task<LedgerDatabase?> OpenAsync(CancellationToken cancel)
    {
        var opened = await LedgerDatabase.OpenAsync(target, clock, cancel: cancel, create: false);
        return opened.IsOk ? opened.Value : null;
    }
}
