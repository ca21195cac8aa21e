using Mainstay.Data.Access;
using Mainstay.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Mainstay.Web.Pages;

/// <summary>
/// Cookie sign-in for the pages (scripts use personal API tokens). Rate-limited per client address
/// and locked per account after repeated failures (<see cref="SignInLockout"/>); the form carries an
/// antiforgery token. Each sign-in opens a session that signing out ends for good.
/// </summary>
[EnableRateLimiting(MainstayWeb.SignInLimit)]
public sealed class SignInModel(
    LedgerConnections ledger, SignInLockout lockout, SecurityLog log) : PageModel, IRefusesForm
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    /// <summary>Minutes until the account may try again, when it is locked.</summary>
    public int? LockedMinutes { get; private set; }

    /// <summary>What stopped the form (a field holding a NUL), each as "field: why".</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>A form with a NUL in a field: shown again, the name less the NUL; no attempt is made or counted.</summary>
    public Task<IActionResult> RefuseFormAsync(
        IReadOnlyList<(string Field, string Message)> problems, CancellationToken cancel)
    {
        Problems = [.. problems.Select(p => $"{p.Field}: {p.Message}")];
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Task.FromResult<IActionResult>(Page());
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (lockout.LockedFor(Name) is { } locked)
            return Locked(locked);
        await using var db = await ledger.OpenAsync(cancel);
        if (db is null)
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        var users = new UserDirectory(db, ledger.Clock);
        var user = await users.SignInAsync(Name, Password, cancel);
        if (user is null)
        {
            log.SignInFailed(Name, HttpContext);
            // A user's failures are always counted; the answer is the same either way.
            var isUser = await users.FindAsync(Name, cancel) is not null;
            if (lockout.Failed(Name, isUser) is { } lockedNow)
                return Locked(lockedNow);
            Failed = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        lockout.Succeeded(Name);
        var session = await new SignInSessions(db, ledger.Clock).StartAsync(user.Name, cancel);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            SessionCookie.Principal(user.Name, session));
        log.SignedIn(user.Name, HttpContext);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    public async Task<IActionResult> OnPostSignOutAsync(CancellationToken cancel)
    {
        if (SessionCookie.SessionOf(User) is { } session)
        {
            await using var db = await ledger.OpenAsync(cancel);
            if (db is null)
                return StatusCode(StatusCodes.Status503ServiceUnavailable); // the session could not be ended: say so
            await new SignInSessions(db, ledger.Clock).EndAsync(session, cancel);
        }
        if (User.Identity?.Name is { } name)
            log.SignedOut(name, HttpContext);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }

    private PageResult Locked(TimeSpan retryAfter)
    {
        log.LockedOut(Name, HttpContext, retryAfter);
        LockedMinutes = (int)Math.Ceiling(retryAfter.TotalMinutes);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(
            System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }
}
