using System.Security.Claims;
using Mainstay.Data.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Mainstay.Web.Hosting;

/// <summary>
/// The sign-in cookie stands for a session of <see cref="SignInSessions"/>: it is believed only
/// while that session is open, checked on every request, so a signed-out cookie (or one past the
/// session's absolute end) is refused even though the cookie itself would still be valid.
/// </summary>
public static class SessionCookie
{
    public const string SessionClaim = "mainstay.session";

    public static ClaimsPrincipal Principal(string user, string session) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, user), new Claim(SessionClaim, session)],
            CookieAuthenticationDefaults.AuthenticationScheme));

    public static string? SessionOf(ClaimsPrincipal principal) => principal.FindFirst(SessionClaim)?.Value;

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var name = context.Principal?.Identity?.Name;
        var session = context.Principal is null ? null : SessionOf(context.Principal);
        var ledger = http.RequestServices.GetRequiredService<LedgerConnections>();
        var db = name is null || session is null ? null : await ledger.ForRequestAsync(http);
        if (db is not null
            && await new SignInSessions(db, ledger.Clock).IsOpenAsync(session!, name!, http.RequestAborted))
            return;
        if (name is null || session is null || db is not null)
            http.RequestServices.GetRequiredService<SecurityLog>().SessionEnded(name ?? "-", http);
        context.RejectPrincipal();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
