
namespace Mainstay.Web.Hosting;

/// <summary>
/// What a security review asks of a server (category <c>Mainstay.Security</c>): sign-ins, failed
/// and locked-out attempts, sign-outs and ended sessions, every use of a personal API token (by
/// its id, never the secret), and every refused request (401, 403, 429). Whatever a client sent
/// (a name, a path) is logged with control characters replaced and cut to a sensible length, so
/// no client can forge log lines.
/// </summary>
public sealed partial class SecurityLog(ILoggerFactory loggers)
{
    public const string Category = "Mainstay.Security";
    private readonly ILogger _log = loggers.CreateLogger(Category);

    public void SignedIn(string user, HttpContext http) => LogSignedIn(Printable(user), AddressOf(http));

    public void SignInFailed(string name, HttpContext http) => LogSignInFailed(Printable(name), AddressOf(http));

    public void LockedOut(string name, HttpContext http, TimeSpan retryAfter) =>
        LogLockedOut(Printable(name), AddressOf(http), (long)Math.Ceiling(retryAfter.TotalSeconds));

    public void SignedOut(string user, HttpContext http) => LogSignedOut(Printable(user), AddressOf(http));

    public void SessionEnded(string user, HttpContext http) => LogSessionEnded(Printable(user), AddressOf(http));

    public void TokenUsed(string tokenId, string user, HttpContext http) =>
        LogTokenUsed(Printable(tokenId), Printable(user), http.Request.Method, Printable(http.Request.Path.Value),
            AddressOf(http));

    public void TokenRefused(string? tokenId, string why, HttpContext http) =>
        LogTokenRefused(Printable(tokenId ?? "none"), why, AddressOf(http));

    /// <summary>A form field that held a NUL, refused before any page handler ran.</summary>
    public void ControlCharacterRefused(string field, HttpContext http) =>
        LogControlCharacter(Printable(field), http.Request.Method, Printable(http.Request.Path.Value), AddressOf(http));

    /// <summary>Logs the requests answered 401, 403 or 429, after the rest of the app answered them.</summary>
    public async Task RefusalsAsync(HttpContext http, Func<Task> next)
    {
        await next();
        if (http.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden
            or StatusCodes.Status429TooManyRequests)
            LogRefused(http.Response.StatusCode, Printable(http.Request.Method), Printable(http.Request.Path.Value),
                Printable(Authentication.UserOf(http)?.Name ?? "-"), AddressOf(http));
    }

    private static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Client-sent text made safe for a log line: control characters as '?', at most 200 characters.</summary>
    public static string Printable(string? text)
    {
        text ??= "";
        var cut = text.Length > 200 ? text[..200] + "…" : text;
        return string.Create(cut.Length, cut, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
        });
    }

    [LoggerMessage(EventId = 1, EventName = "SignedIn", Level = LogLevel.Information,
        Message = "{User} signed in from {Address}")]
    private partial void LogSignedIn(string user, string address);

    [LoggerMessage(EventId = 2, EventName = "SignInFailed", Level = LogLevel.Warning,
        Message = "failed sign-in as {Name} from {Address}")]
    private partial void LogSignInFailed(string name, string address);

    [LoggerMessage(EventId = 3, EventName = "SignInLockedOut", Level = LogLevel.Warning,
        Message = "sign-in as {Name} from {Address} refused: too many failed attempts, locked "
            + "for {RetryAfterSeconds} s")]
    private partial void LogLockedOut(string name, string address, long retryAfterSeconds);

    [LoggerMessage(EventId = 4, EventName = "SignedOut", Level = LogLevel.Information,
        Message = "{User} signed out from {Address}")]
    private partial void LogSignedOut(string user, string address);

    [LoggerMessage(EventId = 5, EventName = "SessionEnded", Level = LogLevel.Information,
        Message = "a cookie of {User} from {Address} was refused: its session was signed out or is past its end")]
    private partial void LogSessionEnded(string user, string address);

    [LoggerMessage(EventId = 6, EventName = "TokenUsed", Level = LogLevel.Information,
        Message = "API token {TokenId} of {User}: {Method} {Path} from {Address}")]
    private partial void LogTokenUsed(string tokenId, string user, string method, string path, string address);

    [LoggerMessage(EventId = 7, EventName = "TokenRefused", Level = LogLevel.Warning,
        Message = "API token {TokenId} from {Address} refused: {Reason}")]
    private partial void LogTokenRefused(string tokenId, string reason, string address);

    [LoggerMessage(EventId = 8, EventName = "RequestRefused", Level = LogLevel.Warning,
        Message = "{Status} for {Method} {Path} by {User} from {Address}")]
    private partial void LogRefused(int status, string method, string path, string user, string address);

    [LoggerMessage(EventId = 9, EventName = "ControlCharacterRefused", Level = LogLevel.Warning,
        Message = "form field {Field} of {Method} {Path} from {Address} refused: it holds the "
            + "control character U+0000")]
    private partial void LogControlCharacter(string field, string method, string path, string address);
}
