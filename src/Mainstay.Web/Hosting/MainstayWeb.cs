using System.Threading.RateLimiting;
using Mainstay.Data.Audit;
using Mainstay.Data.Ledger;
using Mainstay.Data.Ledger.Rows;
using Mainstay.Data.Storage;
using Mainstay.Web.Api;
using Mainstay.Planning;
using Mainstay.Web.Overview;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging.Console;

namespace Mainstay.Web.Hosting;

/// <summary>The web app over one ledger: the API under <c>/api/v1</c> (and, to come, the pages).</summary>
public static class MainstayWeb
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The largest request body accepted: a row is a few hundred bytes, an upload a few megabytes.</summary>
    public const long MaxBodyBytes = 1_000_000;

    /// <summary>The rate limit of sign-in attempts: 10 a minute from one address.</summary>
    public const string SignInLimit = "sign-in";

    public static WebApplication Build(
        DatabaseTarget ledger, string urls, TimeProvider clock, bool quiet = false, WebOptions? options = null)
    {
        options ??= new WebOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        Logging(builder, quiet ? WebLog.None : options.Log, options.AlsoLogTo);
        builder.Services.AddSingleton(services =>
            new LedgerConnections(ledger.Pooled(), clock, services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddHostedService<CurrentViewsRefresher>();
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<SecurityLog>();
        builder.Services.AddSingleton(new SignInLockout(clock));
        builder.Services.AddRazorPages(pages => pages.Conventions.ConfigureFilter(new FormNuls.Filter()))
            .AddApplicationPart(typeof(MainstayWeb).Assembly);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.LoginPath = "/SignIn";
            cookie.Cookie.Name = "mainstay";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            // Secure when served over HTTPS (directly, or behind a known proxy that says so).
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = SessionCookie.ValidateAsync;
            // A signed-in user on a page their role may not use gets a plain 403, not a redirect to a page that is not
            // there.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAntiforgery(
            antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddAuthorization();
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new() { Title = "Mainstay API", Version = "v1",
                Description =
                    "The ledger's tables under /api/v1: paged, filtered lists; rows with ETags; changes with If-Match. "
                        + "Sign in with Authorization: Bearer and a personal API token (mainstay user token NAME). "
                        + "Errors are RFC 9457 problem details." };
            ApiRoutes.DocumentRowKey(document);
            LedgerTableDocument.Describe(document);
            ApiProblems.Document(document);
            return Task.CompletedTask;
        }));
        builder.Services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0 }));
        });
        builder.Services.Configure<RouteOptions>(routes =>
            routes.SetParameterPolicy<ApiRoutes.LedgerTable>(ApiRoutes.TableConstraint));
        builder.Services.AddProblemDetails();
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.ExcludedHosts.Clear(); // served over HTTPS under any name, it is HTTPS only
        });
        if (options.AllowedHosts.Count > 0)
            builder.Services.Configure<HostFilteringOptions>(hosts => hosts.AllowedHosts = [.. options.AllowedHosts]);
        if (options.KnownProxies.Count > 0)
            builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                foreach (var proxy in options.KnownProxies)
                    forwarded.KnownIPNetworks.Add(proxy);
            });
        // Escape <, > and & in JSON too, so a text field holding markup stays inert wherever it lands.
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default;
            // Numbers are numbers: the OpenAPI document then types them as integer or number, not "integer or string".
            json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });

        var app = builder.Build();
        // Before anything reads the client's address or scheme: the rate limits, the cookie's Secure flag, HSTS.
        if (options.KnownProxies.Count > 0)
            app.UseForwardedHeaders();
        if (options.AllowedHosts.Count > 0)
            app.UseHostFiltering();
        app.UseExceptionHandler();
        app.UseHsts();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);
        app.Use(app.Services.GetRequiredService<SecurityLog>().RefusalsAsync);
        app.Use(PageMethods);
        app.Use(FormNuls.StripAsync);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new Microsoft.Extensions.FileProviders.EmbeddedFileProvider(typeof(MainstayWeb).Assembly,
                "Mainstay.Web.wwwroot"),
            // Scripts and styles hold nothing confidential: a browser may keep them, asking again each time.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<Authentication>();
        app.MapLedgerApi();
        app.MapPlanApi();
        app.MapReportApi();
        app.MapProcurementApi();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();
        return app;
    }

    /// <summary>Whether <paramref name="path"/> is under <c>/api</c>, in any case, as routing matches it.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static void Logging(WebApplicationBuilder builder, WebLog log, ILoggerProvider? alsoLogTo)
    {
        builder.Logging.ClearProviders();
        if (alsoLogTo is not null)
            builder.Logging.AddProvider(alsoLogTo);
        switch (log)
        {
            case WebLog.Console:
                // A person watching: the server's start and stop, the security log, and every warning; not a line per
                // request.
                builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
                builder.Logging.AddFilter<ConsoleLoggerProvider>("Microsoft.AspNetCore", LogLevel.Warning);
                break;
            case WebLog.Json:
                // No terminal: what a service manager or container collects. Warnings and errors of
                // everything, and the security log and the server's start and stop.
                builder.Logging.AddJsonConsole(json =>
                {
                    json.UseUtcTimestamp = true;
                    json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                });
                builder.Logging.AddFilter<ConsoleLoggerProvider>("", LogLevel.Warning);
                builder.Logging.AddFilter<ConsoleLoggerProvider>(SecurityLog.Category, LogLevel.Information);
                builder.Logging.AddFilter<ConsoleLoggerProvider>("Microsoft.Hosting.Lifetime", LogLevel.Information);
                builder.Services.Configure<ConsoleLoggerOptions>(
                    console => console.LogToStandardErrorThreshold = LogLevel.Trace);
                break;
        }
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; object-src 'none'";
        // Rows, reports and downloads are confidential: no browser or proxy cache keeps them.
        headers.CacheControl = "no-store";
        context.Response.OnStarting(() =>
        {
            // RFC 9110: a 401 says how to authenticate; the API's way is a personal token.
            if (context.Response.StatusCode == StatusCodes.Status401Unauthorized && IsApi(context.Request.Path)
                && context.Response.Headers.WWWAuthenticate.Count == 0)
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"mainstay\"";
            return Task.CompletedTask;
        });
        return next();
    }

    /// <summary>
    /// The pages answer GET, HEAD and POST only; anything else (TRACE, PROPFIND, PATCH…) is 405
    /// before a page model runs a handler it never meant for it. The API's routes say for themselves.
    /// </summary>
    private static Task PageMethods(HttpContext context, Func<Task> next)
    {
        var method = context.Request.Method;
        if (IsApi(context.Request.Path) || HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
            || HttpMethods.IsPost(method))
            return next();
        context.Response.Headers.Allow = "GET, HEAD, POST";
        var why = $"the pages answer GET, HEAD and POST, not {SecurityLog.Printable(method)}";
        return ApiProblems.Of(StatusCodes.Status405MethodNotAllowed, "Method not allowed", why).ExecuteAsync(context);
    }
}

/// <summary>
/// Opens the ledger for a request (pooled connections make that cheap; the server migrated it when
/// it started) and keeps what every request reads: tables as of the audit trail's newest entry.
/// Every change to the ledger appends to the audit trail, so a newer entry means the cache is stale.
/// </summary>
public sealed partial class LedgerConnections(DatabaseTarget target, TimeProvider clock, ILoggerFactory? loggers = null)
{
    private const string RequestKey = "mainstay.ledger";
    private readonly ILogger _log = (loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
        .CreateLogger<LedgerConnections>();
    private readonly Lock _lock = new();
    private long _seq = -1;
    private Dictionary<string, object> _cached = new(StringComparer.Ordinal);

    public TimeProvider Clock => clock;

    /// <summary>A connection to the ledger, or null when it cannot be opened (logged as an error unless <paramref name="quiet"/>).</summary>
    public async Task<LedgerDatabase?> OpenAsync(CancellationToken cancel, bool quiet = false)
    {
        var opened = await LedgerDatabase.OpenAsync(target, clock, cancel: cancel, create: false, migrate: false);
        if (opened.IsOk)
            return opened.Value;
        if (quiet)
            return null;
        // The caller answers 503 "see the server's log": this is that log.
        var problem = opened.Problem;
        LogUnavailable(problem.Where,
            problem.Field.Length > 0 ? $"{problem.Field}: {problem.Message}" : problem.Message);
        return null;
    }

    [LoggerMessage(EventId = 1, EventName = "LedgerUnavailable", Level = LogLevel.Error,
        Message = "the ledger {Ledger} cannot be opened: {Reason}")]
    private partial void LogUnavailable(string ledger, string reason);

    /// <summary>The request's connection for reading, opened once and closed when the response is done.</summary>
    public async Task<LedgerDatabase?> ForRequestAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(RequestKey, out var open))
            return (LedgerDatabase?)open; // null: it failed, and was logged, once for this request
        var db = await OpenAsync(http.RequestAborted);
        http.Items[RequestKey] = db;
        if (db is not null)
            http.Response.RegisterForDisposeAsync(db);
        return db;
    }

    /// <summary>A table's canonical rows by key, as of the ledger's newest audit entry.</summary>
    public Task<SortedDictionary<string, string[]>> TableAsync(
        LedgerDatabase db, LedgerKind kind, CancellationToken cancel) =>
        CachedAsync(db, "table:" + kind.Name, () => LedgerTables.LoadAsync(db, kind, null, cancel), cancel);

    /// <summary>Every table of the ledger, as of its newest audit entry, for the use cases that read rows.</summary>
    public StoredTable Tables(LedgerDatabase db) => (kind, cancel) => TableAsync(db, kind, cancel);

    /// <summary>The current plan and the overview built on it, kept current in the background (see <see cref="CurrentViews"/>).</summary>
    public CurrentViews Views => LazyInitializer.EnsureInitialized(ref _views, () => new CurrentViews(this));

    private CurrentViews? _views;

    /// <summary>The overview's figures, as of the ledger's newest audit entry (the dashboard and the overview report share them).</summary>
    public async Task<OverviewData> OverviewAsync(LedgerDatabase db, CancellationToken cancel) =>
        (await Views.ReadAsync(db, cancel)).Overview;

    /// <summary>The one current plan of the ledger, which every page and endpoint that shows coverage reads.</summary>
    public async Task<CurrentPlan> CurrentPlanAsync(LedgerDatabase db, CancellationToken cancel) =>
        (await Views.ReadAsync(db, cancel)).Plan;

    /// <summary>A value computed from the ledger (a table), recomputed only after the ledger changed.</summary>
    public async Task<T> CachedAsync<T>(LedgerDatabase db, string name, Func<Task<T>> compute, CancellationToken cancel)
        where T : class
    {
        var seq = await AuditTrail.NewestSeqAsync(db, cancel);
        lock (_lock)
        {
            if (seq != _seq)
                (_seq, _cached) = (seq, new Dictionary<string, object>(StringComparer.Ordinal));
            else if (_cached.TryGetValue(name, out var known))
                return (T)known;
        }
        // Read after the sequence number: what is cached is never older than the entry it is filed under.
        var value = await compute();
        lock (_lock)
            if (seq == _seq)
                _cached[name] = value;
        return value;
    }
}
