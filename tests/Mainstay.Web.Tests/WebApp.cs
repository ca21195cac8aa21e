using System.Net.Http.Headers;
using Mainstay.Access;
using Mainstay.Data.Access;
using Mainstay.Data.Tests;
using Mainstay.Data.Tests.BurdenSharing;
using Mainstay.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Mainstay.Web.Tests;

/// <summary>
/// The web app served over real HTTP (Kestrel on a free local port) on the demo ledger, with one
/// user of each role and a personal API token for each.
/// </summary>
public sealed class WebApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, string> _tokens;

    private WebApp(TestLedger ledger, WebApplication app, Dictionary<string, string> tokens)
    {
        Ledger = ledger;
        _app = app;
        _tokens = tokens;
        BaseAddress = new Uri(app.Urls.First());
    }

    public TestLedger Ledger { get; }

    /// <summary>The server's services (its ledger connections and the views it keeps current).</summary>
    public IServiceProvider Services => _app.Services;
    public Uri BaseAddress { get; }

    /// <summary>
    /// The users, by name: coordinator, auditor, pl-desk (donor desk of PL), ua-officer (recipient officer of UA).
    /// </summary>
    public static readonly (string Name, Role Role, string? Nation)[] Users =
        [("coord", Role.Coordinator, null), ("auditor", Role.Auditor, null), ("pl-desk", Role.DonorDesk, "PL"),
            ("ua-officer", Role.RecipientOfficer, "UA")];

    public static async Task<WebApp> StartAsync(string database, WebOptions? options = null)
    {
        var ledger = await DemoLedger.CreateAsync(database);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var db = await ledger.OpenAsync())
        {
            var users = new UserDirectory(db, ledger.Clock);
            foreach (var (name, role, nation) in Users)
            {
                (await users.AddAsync(name, role, nation, "correct horse battery staple", "test")).IsOk.ShouldBeTrue();
                tokens[name] = (await users.IssueTokenAsync(name, 30, "test")).Value.Secret;
            }
        }
        var app = MainstayWeb.Build(ledger.Target, "http://127.0.0.1:0", ledger.Clock, quiet: true, options);
        await app.StartAsync();
        return new WebApp(ledger, app, tokens);
    }

    /// <summary>The password of every user of <see cref="Users"/>.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>An HTTP client acting as <paramref name="user"/> (null: the public).</summary>
    public HttpClient Client(string? user = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (user is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        return client;
    }

    public string TokenOf(string user) => _tokens[user];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Ledger.DisposeAsync();
    }
}
