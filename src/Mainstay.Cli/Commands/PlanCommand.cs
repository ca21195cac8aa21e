using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mainstay.Data;
using Mainstay.Data.Ledger;
using Mainstay.Data.Planning;
using Mainstay.Data.Storage;
using Mainstay.Planning;
using Mainstay.Procurement;

namespace Mainstay.Cli.Commands;

/// <summary><c>mainstay plan --scenario DIR --out OUT</c>: the planning contract (shared/spec/planning.md).</summary>
public static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var scenario = new Option<string?>("--scenario")
        {
            Description = "Plan a scenario folder (requirements.csv, offers.csv, "
                + "optionally items.csv, funds.csv and procurement.csv) instead of the ledger",
            HelpName = "DIR",
        };
        var output = new Option<string?>("--out")
        {
            Description = "With --scenario: the folder to write allocations.csv, purchases.csv, funds.csv, "
                + "coverage.csv, summary.json and the forecast into",
            HelpName = "OUT",
        };
        var timings = new Option<bool>("--timings")
        {
            Description = "Also write the stage timings into summary.json (which then differs from run to run)",
        };
        var forecast = new Option<bool>("--forecast")
        {
            Description = "Print the coverage forecast by capability area "
                + "(forecast.csv and forecast.svg are always written)",
        };
        var timeLimit = TimeLimitOption();
        var command = new Command("plan", "Compute the optimal allocation of offers to requirements and its "
            + "coverage: of the ledger (stored, re-solving only the item types that "
            + "changed since the last plan), or of a scenario folder.");
        command.Options.Add(scenario);
        command.Options.Add(output);
        command.Options.Add(timings);
        command.Options.Add(forecast);
        command.Options.Add(timeLimit);
        command.Subcommands.Add(ExplainCommand(context));
        command.Subcommands.Add(StoredPlanCommands.List(context));
        command.Subcommands.Add(StoredPlanCommands.Show(context));
        command.Subcommands.Add(StoredPlanCommands.Diff(context));
        command.SetAction(async (parsed, cancel) =>
        {
            if (parsed.GetValue(scenario) is null)
            {
                if (parsed.GetValue(output) is not null)
                {
                    await context.Error.WriteLineAsync("--out: only with --scenario; a ledger plan is stored "
                        + "in the ledger (see 'mainstay plan list')");
                    return ExitCode.BadInput;
                }
                return await StoredPlanCommands.RunAsync(
                    parsed, context, TimeSpan.FromSeconds(parsed.GetValue(timeLimit)), cancel);
            }
            if (parsed.GetValue(output) is null)
            {
                await context.Error.WriteLineAsync(
                    "--out: required with --scenario: the folder to write the plan into");
                return ExitCode.BadInput;
            }
            var clock = Stopwatch.StartNew();
            var (input, problems) = Scenario.Read(parsed.GetValue(scenario)!);
            if (input is null)
                return context.Reject(problems, "no plan was made and nothing was written");
            var parseMs = clock.ElapsedMilliseconds;
            var plan = JointPlanner.Solve(
                input.Requirements, input.Offers, input.Funds, input.Options,
                TimeSpan.FromSeconds(parsed.GetValue(timeLimit)));
            var solveMs = clock.ElapsedMilliseconds - parseMs;
            var folder = parsed.GetValue(output)!;
            // The row files, the summary and the forecast are independent: make them side by side.
            PlanSummary? summary = null;
            IReadOnlyList<ForecastMonth> coverage = [];
            Parallel.Invoke(
                () => PlanFiles.WriteRows(folder, plan),
                () =>
                {
                    summary = PlanSummary.Of(
                        plan, input.Offers.Count,
                        input.Requirements.Select(r => r.Item).Concat(input.Offers.Select(o => o.Item))
                            .Distinct(StringComparer.Ordinal)
                            .Count());
                    PlanFiles.WriteSummary(
                        folder, summary,
                        parsed.GetValue(timings)
                            ? new Dictionary<string, long> { ["parse"] = parseMs, ["solve"] = solveMs }
                            : null);
                    coverage = CoverageForecast.Compute(plan, input.Items);
                    PlanFiles.WriteForecast(
                        folder, coverage,
                        $"Coverage forecast: {summary.Requirements:N0} requirements, {summary.Offers:N0} offers");
                });
            var writeMs = clock.ElapsedMilliseconds - parseMs - solveMs;
            await WriteSummaryAsync(context.Out, summary!, folder, parseMs, solveMs, writeMs);
            if (parsed.GetValue(forecast))
                await ForecastTable.WriteAsync(context.Out, coverage);
            return ExitCode.Ok;
        });
        return command;
    }

    /// <summary>
    /// <c>mainstay plan explain REQ_ID [--scenario DIR]</c>: why a requirement is not (fully) covered.
    /// </summary>
    private static Command ExplainCommand(CliContext context)
    {
        var requirementId = new Argument<string>("REQ_ID") { Description = "The requirement to explain" };
        var scenario = new Option<string?>("--scenario")
        {
            Description = "Explain the plan of a scenario folder instead of the ledger's",
            HelpName = "DIR",
        };
        var command = new Command(
            "explain",
            "Say why a requirement is not (fully) covered by the optimal plan of the ledger (or of a scenario).");
        command.Arguments.Add(requirementId);
        command.Options.Add(scenario);
        command.SetAction(async (parsed, cancel) =>
        {
            var id = parsed.GetValue(requirementId)!;
            if (parsed.GetValue(scenario) is { } folder)
            {
                var (input, problems) = Scenario.Read(folder);
                if (input is null)
                    return context.Reject(problems, "nothing to explain");
                return await ExplainAsync(context, id, input, Path.Combine(folder, "requirements.csv"));
            }
            return await CommonOptions.WithLedgerAsync(parsed, context, cancel,
                db => ExplainStoredAsync(parsed, context, db, id, cancel), readOnly: true);
        });
        return command;
    }

    private static async Task<int> ExplainAsync(CliContext context, string id, Scenario input, string source)
    {
        var requirement = input.Requirements.FirstOrDefault(r => r.Id == id);
        if (requirement is null)
        {
            await context.Error.WriteLineAsync($"REQ_ID: no requirement \"{id}\" in {source}");
            return ExitCode.BadInput;
        }
        var plan = JointPlanner.Solve(
            input.Requirements, input.Offers, input.Funds, input.Options, TimeSpan.FromSeconds(DefaultTimeLimit));
        foreach (var line in PlanExplanation.Explain(requirement, input.Offers, plan, input.Funds, input.Options))
            await context.Out.WriteLineAsync(line);
        return ExitCode.Ok;
    }

    /// <summary>
    /// Explains a requirement by the ledger's latest stored plan (never a new solve), and names the
    /// changes to its item type that came after that plan.
    /// </summary>
    private static async Task<int> ExplainStoredAsync(
        ParseResult parsed, CliContext context, LedgerDatabase db, string id, CancellationToken cancel)
    {
        var plans = await LedgerPlans.ListAsync(db, cancel);
        if (plans.Count == 0)
        {
            await context.Error.WriteLineAsync(
                "no plan of the ledger yet: run `mainstay plan` first, then explain by it");
            return ExitCode.BadInput;
        }
        var requirements = await LedgerReader.LoadAsync(db, LedgerKinds.Requirements, cancel);
        var offers = await LedgerReader.LoadAsync(db, LedgerKinds.Offers, cancel);
        var latest = plans[^1];
        var funds = await LedgerReader.LoadAsync(db, LedgerKinds.Funds, cancel);
        var options = await LedgerReader.LoadAsync(db, LedgerKinds.Procurement, cancel);
        var plan = Plan.Of(
            requirements, offers, await LedgerPlans.AllocationsAsync(db, latest.Id, cancel), funds, options,
            await LedgerPlans.PurchasesAsync(db, latest.Id, cancel)) with { Optimal = latest.Optimal };
        var explained = new ExplainRequirement.ExplainedPlan(
            new CurrentPlan(
                plan, requirements, offers, latest.AuditSeq,
                DateTimeOffset.Parse(latest.CreatedAt, CultureInfo.InvariantCulture)) { Funds = funds, Options = options },
            $"By plan {latest.Id}, made {latest.CreatedAt} by {latest.Actor} at audit entry {latest.AuditSeq}.");
        var outcome = await ExplainRequirement.HandleAsync(
            db, explained, new ExplainRequirement.Request(id), CommonOptions.Operator(parsed, context), cancel);
        if (outcome.Refusal != Refusal.None)
        {
            await context.Error.WriteLineAsync($"REQ_ID: no requirement \"{id}\" in the ledger");
            return ExitCode.BadInput;
        }
        foreach (var line in outcome.Lines)
            await context.Out.WriteLineAsync(line);
        return ExitCode.Ok;
    }

    private const double DefaultTimeLimit = 60;

    private static Option<double> TimeLimitOption()
    {
        var option = new Option<double>("--time-limit")
        {
            Description = "With funds: stop the search after this many seconds and write the best plan found, "
                + "saying it is not proven optimal",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => DefaultTimeLimit,
        };
        option.Validators.Add(result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (text is not null && !(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture,
                    out var seconds) && seconds is > 0 and <= 86_400))
                result.AddError($"--time-limit: expected a number of seconds > 0 and at most 86400, got \"{text}\"");
        });
        return option;
    }

    private static async Task WriteSummaryAsync(
        TextWriter output, PlanSummary summary, string folder, long parseMs, long solveMs, long writeMs)
    {
        var needed = summary.ByPriority.Sum(p => p.Needed);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Objective {summary.Objective}: {summary.AllocatedUnits:N0} of {needed:N0} units needed are planned "
                + $"({Share(summary.AllocatedUnits, needed)}), in {summary.Allocations:N0} allocations "
                + $"from {summary.Offers:N0} offers to {summary.Requirements:N0} requirements."));
        if (summary.Funds > 0)
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Funds: {summary.PurchasedUnits:N0} units bought in {summary.Purchases:N0} purchases for "
                    + $"EUR {summary.SpentEur:N0}, from {summary.Funds:N0} funds."));
        if (summary.ByPriority.Count > 0)
        {
            await output.WriteLineAsync("priority  requirements  units needed  planned        on time");
            foreach (var p in summary.ByPriority)
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Priority,8}  {p.Requirements,12:N0}  {p.Needed,12:N0}  {Share(p.Allocated, p.Needed),-7} "
                        + $" {Share(p.OnTime, p.Needed),-7}"));
        }
        if (summary.LargestGaps.Count > 0)
        {
            await output.WriteLineAsync("Largest gaps (by the benefit they forgo):");
            foreach (var gap in summary.LargestGaps)
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {gap.Requirement.Id}: {gap.Uncovered:N0} "
                        + $"of {gap.Requirement.Quantity:N0} {gap.Requirement.Item} for {gap.Requirement.Recipient} "
                        + $"uncovered (priority {gap.Requirement.Priority}, needed by {gap.Requirement.NeedBy})"));
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {Path.Combine(folder, "allocations.csv")}, purchases.csv, funds.csv, coverage.csv, summary.json "
                + $"and forecast.csv/.svg (parse {parseMs} ms, solve {solveMs} ms, write {writeMs} ms)."));
        if (!summary.Optimal)
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Not proven optimal: the time limit stopped the search; the objective is at most {summary.Bound}."));
    }

    private static string Share(long part, long whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
