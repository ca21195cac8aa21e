using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text;
using Mainstay.Ledger;
using Mainstay.Planning;
using Mainstay.Time;

namespace Mainstay.Procurement.Tests;

/// <summary>The two optimal values of a scenario, and one plan reaching them, as GLPK found them.</summary>
internal sealed record Reference(BigInteger Objective, long SpentEur, Plan Plan);

/// <summary>
/// The procurement contract as the dense integer program it states (one integer variable per eligible
/// offer-requirement pair and per eligible fund-option-month-requirement purchase), written in CPLEX LP
/// format and solved by GLPK's glpsol in two stages: maximise the objective; then, with the objective held
/// at that optimum, minimise the euros spent. Both values are recomputed in integers from GLPK's rounded
/// (and checked integral) solution, never taken from its floating-point figures.
/// GLPK prunes a branch unless it promises to beat the incumbent by more than 1e-7 × (1 + |incumbent|);
/// every value here is an integer, so the search is exact while objective and spending stay below about
/// 5 million: <see cref="Solve"/> refuses scenarios that could exceed that.
/// </summary>
internal static class GlpkReference
{
    private const long ToleranceCap = 5_000_000;

    /// <summary>Test classes run side by side; glpsol processes do not.</summary>
    private static readonly Lock OneAtATime = new();

    private sealed record PairVariable(Offer Offer, Requirement Requirement, long Benefit);

    private sealed record PurchaseVariable(
        Fund Fund, ProcurementOption Option, int Month, Requirement Requirement, long Benefit);

    public static Reference Solve(Scenario scenario)
    {
        var (requirements, offers, funds, options) =
            (scenario.Requirements, scenario.Offers, scenario.Funds, scenario.Options);
        var objectiveBound = requirements.Sum(r => Contract.BenefitPerUnit(r, r.NeedBy.Index) * r.Quantity);
        var spendBound = Math.Min(
            funds.Sum(f => f.AmountEur),
            requirements.Sum(r => r.Quantity * options.Where(p => p.Item == r.Item)
                .Select(p => p.UnitPriceEur).DefaultIfEmpty(0).Max()));
        objectiveBound.ShouldBeLessThan(ToleranceCap, "the objective could leave GLPK's exact range");
        spendBound.ShouldBeLessThan(ToleranceCap, "the spending could leave GLPK's exact range");

        var pairs = (
            from o in offers
            from r in requirements
            where Contract.Eligible(o, r)
            select new PairVariable(o, r, Contract.BenefitPerUnit(r, Contract.Arrive(o)))).ToArray();
        var purchases = (
            from f in funds
            from p in options
            from r in requirements
            from t in Contract.OrderMonths(f, p, r)
            select new PurchaseVariable(f, p, t, r, Contract.BenefitPerUnit(r, t + p.LeadMonths))).ToArray();
        var names = pairs.Select((_, j) => $"x{j}").Concat(purchases.Select((_, k) => $"y{k}")).ToArray();
        if (names.Length == 0)
            return new Reference(0, 0, Plan.Joint(requirements, [], funds, []));

        var benefits = pairs.Select(v => v.Benefit).Concat(purchases.Select(v => v.Benefit)).ToArray();
        var constraints = Constraints(scenario, pairs, purchases);
        var first = Glpsol(Lp("Maximize", Terms(benefits, names), constraints, names));
        var firstPlan = PlanOf(scenario, pairs, purchases, first);
        var objective = Contract.Objective(firstPlan);
        var spent = (long)Contract.Spent(firstPlan);
        var plan = firstPlan;
        if (purchases.Length > 0)
        {
            var prices = purchases.Select(v => v.Option.UnitPriceEur).ToArray();
            var held = $" opt: {Terms(benefits, names)} >= {objective}\n";
            var second = Glpsol(Lp("Minimize", Terms(prices, names[pairs.Length..]), constraints + held, names));
            plan = PlanOf(scenario, pairs, purchases, second);
            Contract.Objective(plan).ShouldBe(objective, "GLPK's second stage must keep the optimum");
            spent = (long)Contract.Spent(plan);
        }

        PlanCheck.Violations(plan).ShouldBeEmpty("GLPK's plan must be feasible");
        plan.Objective.ShouldBe(objective, "Plan.Joint and the reference must agree on the objective");
        plan.SpentEur.ShouldBe(spent, "Plan.Joint and the reference must agree on the spending");
        return new Reference(objective, spent, plan);
    }

    private static string Constraints(Scenario scenario, PairVariable[] pairs, PurchaseVariable[] purchases)
    {
        var rows = new StringBuilder();
        void Row(string name, IEnumerable<(long Coefficient, string Variable)> terms, long bound)
        {
            var list = terms.ToArray();
            if (list.Length > 0)
                rows.Append(CultureInfo.InvariantCulture,
                    $" {name}: {Terms(list.Select(t => t.Coefficient), list.Select(t => t.Variable))} <= {bound}\n");
        }
        var x = pairs.Select((v, j) => (v, Name: $"x{j}")).ToArray();
        var y = purchases.Select((v, k) => (v, Name: $"y{k}")).ToArray();
        for (var i = 0; i < scenario.Offers.Length; i++)
            Row($"offer{i}", x.Where(e => e.v.Offer == scenario.Offers[i]).Select(e => (1L, e.Name)),
                scenario.Offers[i].Quantity);
        for (var i = 0; i < scenario.Requirements.Length; i++)
        {
            var r = scenario.Requirements[i];
            Row($"need{i}",
                x.Where(e => e.v.Requirement == r).Select(e => (1L, e.Name))
                    .Concat(y.Where(e => e.v.Requirement == r).Select(e => (1L, e.Name))),
                r.Quantity);
        }
        for (var i = 0; i < scenario.Funds.Length; i++)
            Row($"fund{i}", y.Where(e => e.v.Fund == scenario.Funds[i]).Select(e => (e.v.Option.UnitPriceEur, e.Name)),
                scenario.Funds[i].AmountEur);
        for (var i = 0; i < scenario.Options.Length; i++)
            foreach (var month in y.Where(e => e.v.Option == scenario.Options[i]).GroupBy(e => e.v.Month))
                Row($"capacity{i}_{month.Key}", month.Select(e => (1L, e.Name)), scenario.Options[i].MonthlyCapacity);
        return rows.ToString();
    }

    /// <summary>A linear form in LP format, eight terms a line.</summary>
    private static string Terms(IEnumerable<long> coefficients, IEnumerable<string> variables) =>
        string.Join("", coefficients.Zip(variables).Select((t, i) =>
            string.Create(
                CultureInfo.InvariantCulture, $"{(i > 0 && i % 8 == 0 ? "\n  " : " ")}+ {t.First} {t.Second}")));

    private static string Lp(string sense, string objective, string constraints, string[] variables) =>
        $"{sense}\n obj:{objective}\nSubject To\n{constraints}General\n {string.Join("\n ", variables)}\nEnd\n";

    private static Plan PlanOf(
        Scenario scenario, PairVariable[] pairs, PurchaseVariable[] purchases, Dictionary<string, long> values)
    {
        var allocations = pairs.Select((v, j) => new Allocation(v.Offer, v.Requirement, values[$"x{j}"]))
            .Where(a => a.Quantity > 0);
        var bought = purchases.Select((v, k) => new Purchase(
                v.Fund, v.Option, YearMonth.FromIndex(v.Month), v.Requirement, values[$"y{k}"]))
            .Where(p => p.Quantity > 0);
        return Plan.Joint(scenario.Requirements, allocations, scenario.Funds, bought);
    }

    /// <summary>
    /// Solves an LP-format integer program; returns every column's value, rounded after checking that
    /// GLPK's value is integral within 1e-6 and not negative. The MIP presolver is off: with cuts on, GLPK 5.0
    /// aborts when it removes every column.
    /// </summary>
    private static Dictionary<string, long> Glpsol(string lp)
    {
        lock (OneAtATime)
            return GlpsolAlone(lp);
    }

    private static Dictionary<string, long> GlpsolAlone(string lp)
    {
        var folder = Directory.CreateTempSubdirectory("mainstay-glpk-").FullName;
        try
        {
            var (lpFile, solution, problem) =
                (Path.Combine(folder, "p.lp"), Path.Combine(folder, "p.sol"), Path.Combine(folder, "p.glp"));
            File.WriteAllText(lpFile, lp);
            // Cuts: without them GLPK's branching can wander for minutes on a few equal-priced knapsack rows.
            RunGlpsol("--lp", lpFile, "--cuts", "--nointopt", "--tmlim", "60", "-w", solution, "--wglp", problem);
            // The problem in GLPK's own format names column j on a line "n j <j> <name>".
            var names = File.ReadLines(problem).Where(l => l.StartsWith("n j ", StringComparison.Ordinal))
                .Select(l => l.Split(' ')).ToDictionary(p => p[2], p => p[3], StringComparer.Ordinal);
            // The raw MIP solution: "s mip <rows> <columns> <status> <objective>", then "j <column> <value>".
            var lines = File.ReadAllLines(solution);
            lines.Single(l => l.StartsWith("s ", StringComparison.Ordinal)).Split(' ')[4]
                .ShouldBe("o", "GLPK should report an integer optimum");
            var values = new Dictionary<string, long>(StringComparer.Ordinal);
            var columns = lines.Where(l => l.StartsWith("j ", StringComparison.Ordinal)).Select(l => l.Split(' '));
            foreach (var parts in columns)
            {
                var value = double.Parse(parts[2], CultureInfo.InvariantCulture);
                var units = Math.Round(value);
                Math.Abs(value - units).ShouldBeLessThan(1e-6, "GLPK's optimum should be integral");
                units.ShouldBeGreaterThanOrEqualTo(0);
                values.Add(names[parts[1]], (long)units);
            }
            return values;
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    /// <summary>Runs glpsol: a test fails without it in CI (CI=true) and is skipped elsewhere.</summary>
    public static void RunGlpsol(params string[] arguments)
    {
        const string Executable = "/usr/bin/glpsol";
        if (!File.Exists(Executable))
        {
            var why = "glpsol not found: install Debian's glpk-utils (scripts/setup.sh does)";
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail(why);
            Assert.Skip(why);
        }
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, output + error.GetAwaiter().GetResult());
        output.ShouldContain("INTEGER OPTIMAL SOLUTION FOUND");
    }
}
