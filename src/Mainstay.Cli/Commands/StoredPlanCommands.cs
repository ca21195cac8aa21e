using System.CommandLine;
using System.Globalization;
using Mainstay.Data.Planning;

namespace Mainstay.Cli.Commands;

/// <summary>
/// <c>mainstay plan</c> on the ledger, <c>plan list</c> and <c>plan diff</c>: plans stored with the ledger.
/// </summary>
public static class StoredPlanCommands
{
    public static Task<int> RunAsync(
        ParseResult parsed, CliContext context, TimeSpan timeLimit, CancellationToken cancel) =>
        CommonOptions.WithLedgerAsync(parsed, context, cancel, async db =>
        {
            var made = await MakePlan.HandleAsync(
                db, CommonOptions.Operator(parsed, context), context.Clock, cancel, timeLimit);
            var run = made.Run!;
            await context.Out.WriteLineAsync(made.Said);
            if (run.Unchanged)
            {
                await WritePlanAsync(context.Out, run.Plan);
                return ExitCode.Ok;
            }
            await WritePlanAsync(context.Out, run.Plan);
            if (run.Previous is not null)
                await WriteDiffAsync(
                    context.Out, await LedgerPlans.DiffAsync(db, run.Previous, run.Plan, cancel), run.Previous,
                    run.Plan);
            return ExitCode.Ok;
        }, create: false);

    public static Command List(CliContext context)
    {
        var command = new Command("list", "List the plans stored in the ledger.");
        command.SetAction((parsed, cancel) => CommonOptions.WithLedgerAsync(parsed, context, cancel, async db =>
        {
            var plans = await LedgerPlans.ListAsync(db, cancel);
            if (plans.Count == 0)
                await context.Out.WriteLineAsync("No plan stored yet; run 'mainstay plan'.");
            foreach (var plan in plans)
                await WritePlanAsync(context.Out, plan);
            return ExitCode.Ok;
        }, readOnly: true));
        return command;
    }

    public static Command Show(CliContext context)
    {
        var id = new Argument<long?>("PLAN")
        {
            Description = "The plan number (default: the latest)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string?>("--out")
        {
            Description = "Also write the plan's allocations.csv into this folder",
            HelpName = "DIR",
        };
        var command = new Command("show", "Show a stored plan: its totals and the requirements it leaves short.");
        command.Arguments.Add(id);
        command.Options.Add(output);
        command.SetAction((parsed, cancel) => CommonOptions.WithLedgerAsync(parsed, context, cancel, async db =>
        {
            var plans = await LedgerPlans.ListAsync(db, cancel);
            var wanted = parsed.GetValue(id);
            var plan = wanted is null ? plans.LastOrDefault() : plans.FirstOrDefault(p => p.Id == wanted);
            if (plan is null)
            {
                await context.Error.WriteLineAsync(
                    wanted is null
                        ? "PLAN: no plan stored yet; run 'mainstay plan'"
                        : $"PLAN: no plan {wanted}; 'mainstay plan list' shows them");
                return ExitCode.BadInput;
            }
            await WritePlanAsync(context.Out, plan);
            var allocations = await LedgerPlans.AllocationsAsync(db, plan.Id, cancel);
            var planned = allocations.GroupBy(
                a => a.RequirementId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(a => a.Quantity),
                StringComparer.Ordinal);
            var requirements = await Mainstay.Data.Storage.LedgerReader.LoadAsync(
                db, Mainstay.Data.Ledger.LedgerKinds.Requirements, cancel);
            var full = requirements.Count(r => planned.GetValueOrDefault(r.Id) >= r.Quantity);
            var none = requirements.Count(r => planned.GetValueOrDefault(r.Id) == 0);
            await context.Out.WriteLineAsync($"  {full:N0} requirement(s) fully covered, "
                + $"{requirements.Count - full - none:N0} partly, {none:N0} not at all (as the "
                + "ledger's requirements stand now).");
            var worst = requirements
                .Where(r => planned.GetValueOrDefault(r.Id) < r.Quantity)
                .OrderBy(r => r.Priority)
                .ThenByDescending(r => r.Quantity - planned.GetValueOrDefault(r.Id))
                .ThenBy(r => r.Id, StringComparer.Ordinal)
                .Take(10);
            foreach (var r in worst)
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {r.Id} ({r.Recipient}, {r.Item}, priority {r.Priority}, needed "
                        + $"by {r.NeedBy}): {planned.GetValueOrDefault(r.Id):N0} of {r.Quantity:N0} planned"));
            if (parsed.GetValue(output) is { } folder)
            {
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, "allocations.csv");
                // Written as every export is: text a spreadsheet would run as a formula is quoted.
                await using (var file = File.Create(path))
                {
                    Mainstay.Data.Files.CsvTableFile.Write(file, ["offer_id", "requirement_id", "quantity"],
                        allocations.Select(a =>
                            (IReadOnlyList<string>)[a.OfferId, a.RequirementId,
                                a.Quantity.ToString(CultureInfo.InvariantCulture)]));
                }
                await context.Out.WriteLineAsync($"Wrote {path}");
            }
            return ExitCode.Ok;
        }, readOnly: true));
        return command;
    }

    public static Command Diff(CliContext context)
    {
        var ids = new Argument<long[]>("PLAN")
        {
            Description = "Two plan numbers (default: the last two)",
            Arity = new ArgumentArity(0, 2),
        };
        var command = new Command(
            "diff", "Which requirements gained or lost coverage between two plans, and the ledger changes behind it.");
        command.Arguments.Add(ids);
        command.SetAction((parsed, cancel) => CommonOptions.WithLedgerAsync(parsed, context, cancel, async db =>
        {
            var plans = await LedgerPlans.ListAsync(db, cancel);
            var wanted = parsed.GetValue(ids) ?? [];
            if (wanted.Length == 1)
            {
                await context.Error.WriteLineAsync("PLAN: give two plan numbers, or none for the last two");
                return ExitCode.BadInput;
            }
            var pair = wanted.Length == 2 ? wanted : plans.TakeLast(2).Select(p => p.Id).ToArray();
            var before = pair.Length == 2 ? plans.FirstOrDefault(p => p.Id == pair[0]) : null;
            var after = pair.Length == 2 ? plans.FirstOrDefault(p => p.Id == pair[1]) : null;
            if (before is null || after is null)
            {
                await context.Error.WriteLineAsync(pair.Length < 2
                    ? "PLAN: the ledger holds fewer than two plans"
                    : $"PLAN: no plan {(before is null ? pair[0] : pair[1])}; 'mainstay plan list' shows them");
                return ExitCode.BadInput;
            }
            await WriteDiffAsync(context.Out, await LedgerPlans.DiffAsync(db, before, after, cancel), before, after);
            return ExitCode.Ok;
        }, readOnly: true));
        return command;
    }

    private static Task WritePlanAsync(TextWriter output, StoredPlan plan) =>
        output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  plan {plan.Id}  {plan.CreatedAt}  by {plan.Actor}  inputs {plan.InputHash[..12]}  "
                + $"objective {plan.Objective}  {plan.AllocatedUnits:N0} units planned  ({plan.Requirements:N0} "
                + $"requirements, {plan.Offers:N0} offers; {plan.ItemsSolved} item type(s) solved)")
            + (plan.SpentEur > 0 ? FormattableString.Invariant($"  EUR {plan.SpentEur:N0} spent by funds") : "")
            + (plan.Optimal ? "" : "  NOT proven optimal: a time limit stopped the search"));

    private static async Task WriteDiffAsync(
        TextWriter output, IReadOnlyList<CoverageChange> changes, StoredPlan before, StoredPlan after)
    {
        if (changes.Count == 0)
        {
            await output.WriteLineAsync(
                $"No requirement's coverage changed between plan {before.Id} and plan {after.Id}.");
            return;
        }
        await output.WriteLineAsync(
            $"Coverage changed between plan {before.Id} and plan {after.Id} for {changes.Count} requirement(s):");
        foreach (var change in changes.Take(50))
            await output.WriteLineAsync(FormattableString.Invariant(
                $"  {change.RequirementId} ({change.Item}): {change.Before:N0} -> {change.After:N0} units, {
                    (change.After > change.Before ? "gained" : "lost")} {Math.Abs(change.After - change.Before):N0}")
                + (change.Because.Count == 0 ? "" : ", after: "
                    + FormattableString.Invariant($"{string.Join(", ", change.Because.Take(4))}{
                        (change.Because.Count > 4 ? $" and {change.Because.Count - 4} more" : "")}")));
        if (changes.Count > 50)
            await output.WriteLineAsync($"  ... and {changes.Count - 50} more");
    }
}
