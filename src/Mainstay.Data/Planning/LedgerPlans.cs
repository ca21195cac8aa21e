using System.Data.Common;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Mainstay.Data.Audit;
using Mainstay.Data.Ledger;
using Mainstay.Data.Storage;
using Mainstay.Ledger;
using Mainstay.Planning;
using Mainstay.Procurement;
using Mainstay.Time;

namespace Mainstay.Data.Planning;

/// <summary>A plan stored in the ledger.</summary>
/// <param name="InputHash">SHA-256 of the plan's inputs: every item type's requirements and offers (see
/// <see cref="LedgerPlans.ItemHash"/>).</param>
public sealed record StoredPlan(
    long Id, string CreatedAt, string Actor, long AuditSeq, string InputHash, BigInteger Objective, long AllocatedUnits,
    long Requirements, long Offers, long ItemsSolved)
{
    /// <summary>Euros its purchases cost.</summary>
    public long SpentEur { get; init; }

    /// <summary>Whether every part of it was proven optimal (false: a time limit stopped a search).</summary>
    public bool Optimal { get; init; } = true;
}

/// <summary>What <see cref="LedgerPlans.RunAsync"/> did.</summary>
public sealed record PlanRun(StoredPlan Plan, StoredPlan? Previous, bool Unchanged, IReadOnlyList<string> ItemsSolved);

/// <summary>A requirement whose coverage differs between two plans, and the ledger changes that explain it.</summary>
public sealed record CoverageChange(
    string RequirementId, string Item, long Before, long After, IReadOnlyList<string> Because);

/// <summary>
/// Plans of the ledger, stored with the audit sequence number they were made at. A new plan
/// re-solves only the item types whose requirements or offers changed since the last plan (the
/// audit trail says which: every change to the ledger is in it) and keeps the others' allocations,
/// which item types never interact, so the result equals a full re-plan.
/// </summary>
public static class LedgerPlans
{
    /// <summary>How long the joint search of a ledger plan may take when the caller does not say.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(60);

    public static async Task<PlanRun> RunAsync(
        LedgerDatabase db, string actor, TimeProvider clock, CancellationToken cancel = default,
        TimeSpan? timeLimit = null)
    {
        await using var transaction = await db.BeginWriteAsync(cancel);
        var previous = await LatestAsync(db, transaction, cancel);
        var auditSeq = await AuditTrail.NewestSeqAsync(db, cancel, transaction);

        var funds = await LedgerReader.LoadAsync(db, LedgerKinds.Funds, cancel, transaction);
        var options = await LedgerReader.LoadAsync(db, LedgerKinds.Procurement, cancel, transaction);
        var boughtItems = options.Select(p => p.Item).ToHashSet(StringComparer.Ordinal);
        HashSet<string>? changedItems = null;
        if (previous is not null)
        {
            changedItems = await ItemsChangedSinceAsync(db, previous.AuditSeq, transaction, cancel);
            // Funds tie together every item type an option sells: a change to one, or to the money,
            // re-plans them all.
            if (changedItems.Overlaps(boughtItems) || await FundsChangedSinceAsync(db, previous.AuditSeq, transaction, cancel))
                changedItems.UnionWith(boughtItems);
            if (changedItems.Count == 0)
                return new PlanRun(previous, previous, Unchanged: true, []);
        }

        var requirements = await LoadAsync(db, LedgerKinds.Requirements, changedItems, transaction, cancel);
        var offers = await LoadAsync(db, LedgerKinds.Offers, changedItems, transaction, cancel);
        var plan = JointPlanner.Solve(requirements, offers, funds, options, timeLimit ?? DefaultTimeLimit);
        var solved = changedItems
            ?? requirements.Select(r => r.Item).Concat(offers.Select(o => o.Item)).ToHashSet(StringComparer.Ordinal);
        var jointSolved = previous is null || solved.Overlaps(boughtItems);

        var id = (previous?.Id ?? 0) + 1;
        var allocationsByItem = plan.Allocations.ToLookup(a => a.Requirement.Item, StringComparer.Ordinal);
        var purchasesByItem = plan.Purchases.ToLookup(p => p.Requirement.Item, StringComparer.Ordinal);
        var requirementsByItem = requirements.ToLookup(r => r.Item, StringComparer.Ordinal);
        var offersByItem = offers.ToLookup(o => o.Item, StringComparer.Ordinal);
        foreach (var item in solved.Order(StringComparer.Ordinal))
        {
            var mine = allocationsByItem[item].ToArray();
            var bought = purchasesByItem[item].ToArray();
            var objective = mine.Aggregate(
                    BigInteger.Zero, (sum, a) => sum + ((BigInteger)Benefit.PerUnit(a.Offer, a.Requirement) * a.Quantity))
                + bought.Aggregate(BigInteger.Zero, (sum, p) => sum + ((BigInteger)Benefit.PerUnit(p) * p.Quantity));
            await db.ExecuteAsync(
                "INSERT INTO plan_items (plan_id, item, solved_in, input_hash, "
                    + "objective, allocated_units) VALUES (@p, @i, @p, @h, @o, @u)",
                cancel, transaction,
                ("p", id), ("i", item), ("h", ItemHash(requirementsByItem[item], offersByItem[item])),
                ("o", objective.ToString(CultureInfo.InvariantCulture)),
                ("u", mine.Sum(a => a.Quantity) + bought.Sum(p => p.Quantity)));
        }
        if (previous is not null)
        {
            // Item types that did not change keep the allocations of the plan that solved them.
            await db.ExecuteAsync("""
                INSERT INTO plan_items (plan_id, item, solved_in, input_hash, objective, allocated_units)
                SELECT @p, item, solved_in, input_hash, objective, allocated_units FROM plan_items k
                WHERE k.plan_id = @previous AND NOT EXISTS (SELECT 1 FROM plan_items n WHERE n.plan_id = @p AND n.item = k.item)
                """, cancel, transaction, ("p", id), ("previous", previous.Id));
        }
        await InsertAllocationsAsync(db, id, plan.Allocations, transaction, cancel);
        await InsertPurchasesAsync(db, id, plan.Purchases, transaction, cancel);

        var totals = await ItemTotalsAsync(db, id, transaction, cancel);
        var stored = new StoredPlan(
            id, clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), actor, auditSeq,
            totals.InputHash, totals.Objective, totals.Units,
            await LedgerTables.CountAsync(db, LedgerKinds.Requirements, cancel, transaction),
            await LedgerTables.CountAsync(db, LedgerKinds.Offers, cancel, transaction), solved.Count)
        {
            // The joint item types were planned now, or keep what the previous plan found for them.
            SpentEur = jointSolved ? plan.SpentEur : previous!.SpentEur,
            Optimal = jointSolved ? plan.Optimal : previous!.Optimal,
        };
        await db.ExecuteAsync(
            "INSERT INTO plans (id, created_at, actor, audit_seq, input_hash, objective, allocated_units, "
                + "requirements, offers, items_solved, spent_eur, optimal) "
                + "VALUES (@id, @at, @actor, @seq, @h, @o, @u, @r, @f, @s, @spent, @optimal)",
            cancel, transaction, ("id", stored.Id), ("at", stored.CreatedAt), ("actor", actor), ("seq", auditSeq),
            ("h", stored.InputHash),
            ("o", stored.Objective.ToString(CultureInfo.InvariantCulture)), ("u", stored.AllocatedUnits),
            ("r", stored.Requirements), ("f", stored.Offers), ("s", stored.ItemsSolved), ("spent", stored.SpentEur),
            ("optimal", stored.Optimal ? "yes" : "no"));

        var audit = await AuditTrail.BeginAsync(db, transaction, actor, clock, cancel);
        audit.Record("add", "plans", id.ToString(CultureInfo.InvariantCulture), null, AuditTrail.RowJson(
            ["id", "input_hash", "objective", "allocated_units", "items_solved", "audit_seq"],
            [
                id.ToString(CultureInfo.InvariantCulture), stored.InputHash,
                stored.Objective.ToString(CultureInfo.InvariantCulture),
                stored.AllocatedUnits.ToString(CultureInfo.InvariantCulture),
             stored.ItemsSolved.ToString(CultureInfo.InvariantCulture),
             auditSeq.ToString(CultureInfo.InvariantCulture)]));
        await audit.FlushAsync(cancel);
        await transaction.CommitAsync(cancel);
        return new PlanRun(stored, previous, Unchanged: false, solved.Order(StringComparer.Ordinal).ToArray());
    }

    public static async Task<IReadOnlyList<StoredPlan>> ListAsync(LedgerDatabase db, CancellationToken cancel = default)
    {
        await using var command = db.CreateCommand($"SELECT {PlanColumns} FROM plans ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var plans = new List<StoredPlan>();
        while (await reader.ReadAsync(cancel))
            plans.Add(ReadPlan(reader));
        return plans;
    }

    /// <summary>
    /// Units allocated or bought for each requirement in stored plan <paramref name="planId"/>, counting only the
    /// item types whose allocations plan <paramref name="otherId"/> does not share (the others cannot differ).
    /// </summary>
    public static async Task<Dictionary<string, (string Item, long Units)>> CoverageAsync(
        LedgerDatabase db, long planId, long otherId, CancellationToken cancel = default)
    {
        await using var command = db.CreateCommand("""
            SELECT u.requirement_id, u.item, SUM(u.quantity) FROM (
                SELECT a.requirement_id, a.item, a.quantity, a.plan_id FROM plan_allocations a
                UNION ALL
                SELECT b.requirement_id, b.item, b.quantity, b.plan_id FROM plan_purchases b) u
            JOIN plan_items i ON u.plan_id = i.solved_in AND u.item = i.item
            WHERE i.plan_id = @p AND NOT EXISTS (
                SELECT 1 FROM plan_items o WHERE o.plan_id = @other AND o.item = i.item AND o.solved_in = i.solved_in)
            GROUP BY u.requirement_id, u.item
            """, null, ("p", planId), ("other", otherId));
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var coverage = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancel))
            coverage[reader.GetString(0)] = (
                reader.GetString(1), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture));
        return coverage;
    }

    /// <summary>
    /// Requirements whose planned units differ between two plans, each with the ledger changes to its item type in
    /// between.
    /// </summary>
    public static async Task<IReadOnlyList<CoverageChange>> DiffAsync(
        LedgerDatabase db, StoredPlan before, StoredPlan after, CancellationToken cancel = default)
    {
        var old = await CoverageAsync(db, before.Id, after.Id, cancel);
        var @new = await CoverageAsync(db, after.Id, before.Id, cancel);
        var changesByItem = await ChangesByItemAsync(db, before.AuditSeq, after.AuditSeq, cancel);
        return old.Keys.Union(@new.Keys)
            .Select(id => (Id: id, Old: old.GetValueOrDefault(id), New: @new.GetValueOrDefault(id)))
            .Where(c => c.Old.Units != c.New.Units)
            .Select(c =>
            {
                var item = c.New.Item ?? c.Old.Item;
                var because = changesByItem.GetValueOrDefault(item) ?? [];
                return new CoverageChange(c.Id, item, c.Old.Units, c.New.Units, because);
            })
            .OrderBy(c => c.RequirementId, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Every allocation of a stored plan, by requirement id then offer id.</summary>
    public static async Task<IReadOnlyList<(string RequirementId, string OfferId, long Quantity)>> AllocationsAsync(
        LedgerDatabase db, long planId, CancellationToken cancel = default)
    {
        await using var command = db.CreateCommand("""
            SELECT a.requirement_id, a.offer_id, a.quantity FROM plan_items i
            JOIN plan_allocations a ON a.plan_id = i.solved_in AND a.item = i.item
            WHERE i.plan_id = @p
            """, null, ("p", planId));
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var rows = new List<(string, string, long)>();
        while (await reader.ReadAsync(cancel))
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        rows.Sort(
            (a, b) => string.CompareOrdinal(a.Item1, b.Item1) is var c && c != 0
                ? c
                : string.CompareOrdinal(a.Item2, b.Item2));
        return rows;
    }

    /// <summary>Every purchase of a stored plan, by requirement, fund, option and order month.</summary>
    public static async Task<IReadOnlyList<StoredPurchase>> PurchasesAsync(
        LedgerDatabase db, long planId, CancellationToken cancel = default)
    {
        await using var command = db.CreateCommand("""
            SELECT p.requirement_id, p.fund_id, p.option_id, p.order_month, p.quantity FROM plan_items i
            JOIN plan_purchases p ON p.plan_id = i.solved_in AND p.item = i.item
            WHERE i.plan_id = @p
            """, null, ("p", planId));
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var rows = new List<StoredPurchase>();
        while (await reader.ReadAsync(cancel))
            rows.Add(new StoredPurchase(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                YearMonth.TryParse(reader.GetString(3), out var month)
                    ? month
                    : throw new InvalidOperationException($"stored plan {planId} has a bad order month"),
                reader.GetInt64(4)));
        return [.. rows.OrderBy(p => p.RequirementId, StringComparer.Ordinal).ThenBy(p => p.FundId, StringComparer.Ordinal)
            .ThenBy(p => p.OptionId, StringComparer.Ordinal).ThenBy(p => p.OrderMonth)];
    }

    /// <summary>
    /// The allocations of one requirement, of one offer, or of both (an empty or null id: any), in their order.
    /// </summary>
    public static IReadOnlyList<(string RequirementId, string OfferId, long Quantity)> Matching(
        IEnumerable<(string RequirementId, string OfferId, long Quantity)> allocations, string? requirementId,
        string? offerId)
    {
        return [
            .. allocations.Where(
                a => (string.IsNullOrEmpty(requirementId) || a.RequirementId == requirementId)
                    && (string.IsNullOrEmpty(offerId) || a.OfferId == offerId))];
    }

    private const string PlanColumns = "id, created_at, actor, audit_seq, input_hash, objective, "
        + "allocated_units, requirements, offers, items_solved, spent_eur, optimal";

    private static StoredPlan ReadPlan(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4),
        BigInteger.Parse(r.GetString(5), CultureInfo.InvariantCulture),
        r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9))
    {
        SpentEur = r.GetInt64(10), Optimal = r.GetString(11) == "yes",
    };

    /// <summary>
    /// SHA-256 of one item type's planning inputs: its requirements and offers as canonical rows
    /// (the planning contract's columns; an offer's conditions do not change a plan), in id order.
    /// </summary>
    public static string ItemHash(IEnumerable<Requirement> requirements, IEnumerable<Offer> offers)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(
            System.Security.Cryptography.HashAlgorithmName.SHA256);
        void Add(string kind, IEnumerable<string> cells) =>
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(kind + "\u001F" + string.Join('\u001F', cells) + "\n"));
        foreach (var r in requirements.OrderBy(r => r.Id, StringComparer.Ordinal))
            Add("requirement", LedgerKinds.Requirements.Write(r));
        foreach (var o in offers.OrderBy(o => o.Id, StringComparer.Ordinal))
            Add("offer", LedgerKinds.Offers.Write(o).Take(7));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The ledger changes to <paramref name="item"/>'s requirements and offers after audit entry
    /// <paramref name="auditSeq"/> (the one a plan was made at), oldest first.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ChangesSinceAsync(
        LedgerDatabase db, long auditSeq, string item, CancellationToken cancel = default) =>
        (await ChangesByItemAsync(db, auditSeq, long.MaxValue, cancel)).GetValueOrDefault(item) ?? [];

    private static async Task<StoredPlan?> LatestAsync(
        LedgerDatabase db, DbTransaction transaction, CancellationToken cancel)
    {
        await using var command = db.CreateCommand(
            $"SELECT {PlanColumns} FROM plans ORDER BY id DESC LIMIT 1", transaction);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        return await reader.ReadAsync(cancel) ? ReadPlan(reader) : null;
    }

    /// <summary>
    /// The item types of every requirement and offer added, changed or removed after audit entry
    /// <paramref name="seq"/>.
    /// </summary>
    private static async Task<HashSet<string>> ItemsChangedSinceAsync(
        LedgerDatabase db, long seq, DbTransaction? transaction, CancellationToken cancel)
    {
        var items = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var (_, _, _, itemBefore, itemAfter) in PlanningChangesAsync(db, seq, long.MaxValue, transaction, cancel))
        {
            if (itemBefore is not null)
                items.Add(itemBefore);
            if (itemAfter is not null)
                items.Add(itemAfter);
        }
        return items;
    }

    private static async Task<Dictionary<string, List<string>>> ChangesByItemAsync(
        LedgerDatabase db, long fromSeq, long toSeq, CancellationToken cancel)
    {
        var byItem = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var changes = PlanningChangesAsync(db, fromSeq, toSeq, null, cancel);
        await foreach (var (kind, key, action, itemBefore, itemAfter) in changes)
            foreach (var item in new[] { itemBefore, itemAfter }.OfType<string>().Distinct(StringComparer.Ordinal))
                (byItem.TryGetValue(item, out var list) ? list : byItem[item] = []).Add($"{kind.RowNoun} "
                    + $"{key} {(action == "add" ? "added" : action == "remove" ? "removed" : "changed")}");
        return byItem;
    }

    /// <summary>
    /// Whether any fund or procurement option was added, changed or removed after audit entry <paramref name="seq"/>.
    /// </summary>
    private static async Task<bool> FundsChangedSinceAsync(
        LedgerDatabase db, long seq, DbTransaction transaction, CancellationToken cancel)
    {
        await using var command = db.CreateCommand(
            "SELECT 1 FROM audit_log WHERE seq > @from AND entity IN (@funds, @options) LIMIT 1", transaction,
            ("from", seq), ("funds", LedgerKinds.Funds.Name), ("options", LedgerKinds.Procurement.Name));
        return await command.ExecuteScalarAsync(cancel) is not null;
    }

    /// <summary>
    /// The audit trail's entries for requirements, offers and procurement options after <paramref name="fromSeq"/>.
    /// </summary>
    private static async IAsyncEnumerable<
        (LedgerKind Kind, string Key, string Action, string? ItemBefore, string? ItemAfter)> PlanningChangesAsync(
        LedgerDatabase db, long fromSeq, long toSeq, DbTransaction? transaction,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        await using var command = db.CreateCommand(
            "SELECT entity, entity_key, action, before, after FROM audit_log WHERE seq > @from "
                + "AND seq <= @to AND entity IN (@requirements, @offers, @options) ORDER BY seq",
            transaction, ("from", fromSeq), ("to", toSeq),
            ("requirements", LedgerKinds.Requirements.Name), ("offers", LedgerKinds.Offers.Name),
            ("options", LedgerKinds.Procurement.Name));
        await using var reader = await command.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
            yield return (LedgerKinds.Find(reader.GetString(0))!, reader.GetString(1), reader.GetString(2),
                ItemOf(reader.IsDBNull(3) ? null : reader.GetString(3)),
                ItemOf(reader.IsDBNull(4) ? null : reader.GetString(4)));
    }

    private static string? ItemOf(string? rowJson)
    {
        if (rowJson is null)
            return null;
        using var json = JsonDocument.Parse(rowJson);
        return json.RootElement.TryGetProperty("item", out var item) ? item.GetString() : null;
    }

    /// <summary>The records of <paramref name="items"/>, or of every item type when null.</summary>
    private static async Task<List<T>> LoadAsync<T>(
        LedgerDatabase db, LedgerKind<T> kind, HashSet<string>? items, DbTransaction transaction,
        CancellationToken cancel)
        where T : class
    {
        if (items is null)
            return [.. await LedgerReader.LoadAsync(db, kind, cancel, transaction)];
        var records = new List<T>();
        foreach (var item in items.Order(StringComparer.Ordinal))
            records.AddRange(await LedgerReader.LoadAsync(db, kind, cancel, transaction, ("item", item)));
        return records;
    }

    /// <summary>A plan's totals, and its input hash: SHA-256 over its item types' hashes in item order.</summary>
    private static async Task<(BigInteger Objective, long Units, string InputHash)> ItemTotalsAsync(
        LedgerDatabase db, long planId, DbTransaction transaction, CancellationToken cancel)
    {
        await using var command = db.CreateCommand(
            "SELECT item, input_hash, objective, allocated_units FROM plan_items WHERE plan_id = @p", transaction,
            ("p", planId));
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var (objective, units) = (BigInteger.Zero, 0L);
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancel))
        {
            hashes[reader.GetString(0)] = reader.GetString(1);
            objective += BigInteger.Parse(reader.GetString(2), CultureInfo.InvariantCulture);
            units += reader.GetInt64(3);
        }
        var inputHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Concat(hashes.Select(h => $"{h.Key}\u001F{h.Value}\n")))));
        return (objective, units, inputHash);
    }

    private static Task InsertAllocationsAsync(
        LedgerDatabase db, long planId, IReadOnlyList<Allocation> allocations, DbTransaction transaction, CancellationToken cancel) =>
        
        db.BulkInsertAsync(
            "plan_allocations",
            [("plan_id", false), ("item", true), ("requirement_id", true), ("offer_id", true), ("quantity", false)],
            allocations.Select(
                a => new object?[] { planId, a.Requirement.Item, a.Requirement.Id, a.Offer.Id, a.Quantity }),
            transaction, cancel);

    private static Task InsertPurchasesAsync(
        LedgerDatabase db, long planId, IReadOnlyList<Purchase> purchases, DbTransaction transaction,
        CancellationToken cancel) =>
        db.BulkInsertAsync(
            "plan_purchases",
            [
                ("plan_id", false), ("item", true), ("requirement_id", true), ("fund_id", true), ("option_id", true),
                ("order_month", true), ("quantity", false),
            ],
            purchases.Select(p => new object?[]
            {
                planId, p.Requirement.Item, p.Requirement.Id, p.Fund.Id, p.Option.Id, p.OrderMonth.ToString(), p.Quantity,
            }),
            transaction, cancel);
}
