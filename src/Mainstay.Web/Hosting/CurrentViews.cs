using Mainstay.Data.Audit;
using Mainstay.Data.Planning;
using Mainstay.Data.Storage;
using Mainstay.Planning;
using Mainstay.Web.Overview;

namespace Mainstay.Web.Hosting;

/// <summary>
/// The server's views derived from the whole ledger: its current plan and the overview built on it.
/// They are computed once per ledger change, one computation at a time (a request that finds them
/// stale joins the computation under way instead of starting its own), and the plan is re-planned
/// from its last optimum (<see cref="CurrentPlanKeeper"/>). No request solves a plan or waits for
/// one (but the server's very first): a request that finds the views older than the ledger is
/// served the last ones, which say what audit entry they are as of, while the new ones are made.
/// </summary>
public sealed class CurrentViews(LedgerConnections ledger)
{
    private readonly CurrentPlanKeeper _keeper = new(ledger.Clock);
    private readonly Lock _lock = new();
    private CurrentView? _last;
    private Task<CurrentView>? _running;

    /// <summary>How many views have been computed since the server started: one per ledger change at most.</summary>
    public int Computations => Volatile.Read(ref _computations);

    private int _computations;

    /// <summary>The last view computed, if any (never waits).</summary>
    public CurrentView? Last => Volatile.Read(ref _last);

    /// <summary>
    /// The views as of the ledger's newest audit entry that <paramref name="db"/> sees; when they are
    /// older, the last ones are served meanwhile (they say what entry they are as of) and a
    /// computation of the new ones is started, unless one is under way. Only the very first reader
    /// waits, for the first views.
    /// </summary>
    public async Task<CurrentView> ReadAsync(LedgerDatabase db, CancellationToken cancel)
    {
        Volatile.Write(ref _wanted, true);
        var seq = await AuditTrail.NewestSeqAsync(db, cancel);
        while (true)
        {
            var last = Last;
            if (last is not null && last.AuditSeq == seq)
                return last;
            var refresh = Refresh();
            if (last is not null)
                return last;
            await refresh.WaitAsync(cancel);
        }
    }

    /// <summary>Whether anyone has asked for the views yet: until then the server spends nothing on them.</summary>
    public bool Wanted => Volatile.Read(ref _wanted);

    private bool _wanted;

    /// <summary>
    /// Brings the views up to the ledger's newest audit entry, if they are behind it and have been
    /// asked for (the background refresher's step); false when the ledger cannot be opened (the
    /// requests that need it log why).
    /// </summary>
    public async Task<bool> RefreshIfStaleAsync(CancellationToken cancel)
    {
        if (!Wanted)
            return true;
        await using var db = await ledger.OpenAsync(cancel, quiet: true);
        if (db is null)
            return false;
        var seq = await AuditTrail.NewestSeqAsync(db, cancel);
        if (Last is not { } last || last.AuditSeq != seq) // lower too: a restored backup
            await Refresh().WaitAsync(cancel);
        return true;
    }

    /// <summary>Completes when no computation is under way (its outcome is the caller's to ignore).</summary>
    public async Task IdleAsync()
    {
        Task? running;
        lock (_lock)
            running = _running;
        if (running is not null)
            await running.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>The computation under way, or a new one if none is.</summary>
    private Task<CurrentView> Refresh()
    {
        lock (_lock)
        {
            if (_running is { IsCompleted: false } running)
                return running;
            return _running = Task.Run(ComputeAsync);
        }
    }

    private async Task<CurrentView> ComputeAsync()
    {
        Interlocked.Increment(ref _computations);
        await using var db = await ledger.OpenAsync(CancellationToken.None, quiet: true)
            ?? throw new InvalidOperationException("the ledger cannot be opened to compute the current plan");
        // Read after the sequence number: a view is never older than the entry it is filed under.
        var seq = await AuditTrail.NewestSeqAsync(db, CancellationToken.None);
        var snapshot = await LedgerReader.LoadAsync(db, CancellationToken.None);
        var plan = _keeper.Update(snapshot.Requirements, snapshot.Offers, seq, snapshot.Funds, snapshot.Options);
        var overview = await OverviewData.LoadAsync(db, snapshot, plan, ledger.Clock, CancellationToken.None);
        var view = new CurrentView(seq, plan, overview);
        Volatile.Write(ref _last, view);
        return view;
    }
}

/// <summary>The views derived from the ledger as of audit entry <paramref name="AuditSeq"/>.</summary>
public sealed record CurrentView(long AuditSeq, CurrentPlan Plan, OverviewData Overview);

/// <summary>
/// Keeps <see cref="CurrentViews"/> current in the background once they have been asked for: it
/// looks for ledger changes every second, so the next reader finds the plan already made.
/// </summary>
public sealed class CurrentViewsRefresher(
    LedgerConnections ledger, ILogger<CurrentViewsRefresher> log) : BackgroundService
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollEvery);
        try
        {
            do
            {
                try
                {
                    await ledger.Views.RefreshIfStaleAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogError(e, "The current plan could not be brought up to date; the last one is served");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops polling and lets a computation under way finish, so no connection outlives the server.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await ledger.Views.IdleAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown time is up: it stops without waiting for the computation.
        }
    }
}
