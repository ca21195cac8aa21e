using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text;
using Mainstay.Ledger;
using Mainstay.Planning;
using Mainstay.Time;

namespace Mainstay.Tests.Planning;

/// <summary>
/// The planner's objective equals the optimum GLPK finds for the direct LP of the same problem
/// (one variable per eligible offer × requirement pair), on seeded random scenarios where pairs
/// compete, degenerate ones included. The transportation LP is totally unimodular, so GLPK's
/// vertex optimum is integral and its objective is the integer optimum.
/// </summary>
public sealed class GlpkAgreementTests
{
    private const int Scenarios = 240;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 0; seed < Scenarios; seed++)
            data.Add(seed);
        return data;
    }

    [Theory, MemberData(nameof(Seeds))]
    public void The_objective_matches_GLPK(int seed)
    {
        var (needs, offers) = Generate(seed);

        var plan = Planner.Solve(needs, offers);

        plan.ShouldBeFeasible(needs, offers);
        plan.Objective.ShouldBe(GlpkOptimum(needs, offers),
            $"seed {seed}: {needs.Length} requirements, {offers.Length} offers");
    }

    /// <summary>
    /// 2-10 item types, 3-24 months, 1-12 recipients, and every sixth scenario one of the degenerate
    /// shapes: ties, no useful months, every offer restricted, one huge offer, many tiny ones.
    /// </summary>
    internal static (Requirement[] Needs, Offer[] Offers) Generate(int seed)
    {
        var random = new Random(seed);
        var items = Enumerable.Range(0, random.Next(2, 11)).Select(i => $"item-{i}").ToArray();
        var months = random.Next(3, 25);
        var recipients = Enumerable.Range(0, random.Next(1, 13)).Select(i => $"R{i:D2}").ToArray();
        var shape = seed % 6;
        var start = YearMonth.Of(2025, 1);
        var needCount = random.Next(5, 45);
        var offerCount = shape == 5 ? random.Next(60, 120) : random.Next(5, 45);

        var needs = Enumerable.Range(0, needCount).Select(i => new Requirement(
            $"req-{i:D3}",
            recipients[random.Next(recipients.Length)],
            items[random.Next(items.Length)],
            shape == 1 ? 10 : random.Next(1, 200),
            shape == 1 ? 2 : random.Next(1, 6),
            start.AddMonths(shape == 1 ? 0 : random.Next(months)),
            shape == 2 ? 0 : random.Next(0, Math.Min(months, 13)))).ToArray();

        var offers = Enumerable.Range(0, offerCount).Select(i =>
        {
            var restricted = shape == 3 || random.Next(3) == 0;
            var scope = restricted
                ? CodeScope.Only(
                    recipients.Where(_ => random.Next(3) == 0)
                        .DefaultIfEmpty(recipients[random.Next(recipients.Length)]))
                : CodeScope.Any;
            var quantity = shape switch
            {
                1 => 10,
                4 when i == 0 => 1_000_000_000,
                5 => random.Next(1, 4),
                _ => random.Next(1, 200),
            };
            return new Offer($"off-{i:D3}", "XX", items[random.Next(items.Length)], quantity,
                start.AddMonths(shape == 1 ? 0 : random.Next(months)), shape == 1 ? 0 : random.Next(0, 4), scope, "");
        }).ToArray();
        return (needs, offers);
    }

    private static BigInteger GlpkOptimum(Requirement[] needs, Offer[] offers)
    {
        var pairs = new List<(int Offer, int Need, long Benefit)>();
        for (var o = 0; o < offers.Length; o++)
            for (var r = 0; r < needs.Length; r++)
                if (offers[o].Item == needs[r].Item && offers[o].Recipients.Allows(needs[r].Recipient)
                    && offers[o].Arrival.Index <= needs[r].NeedBy.Index + needs[r].UsefulMonths)
                {
                    var late = Math.Max(0, offers[o].Arrival.Index - needs[r].NeedBy.Index);
                    pairs.Add((o, r, (long)Math.Pow(10, 5 - needs[r].Priority) * (needs[r].UsefulMonths + 1 - late)));
                }
        if (pairs.Count == 0)
            return 0;

        var lp = new StringBuilder("Maximize\n obj:");
        for (var j = 0; j < pairs.Count; j++)
            lp.Append(CultureInfo.InvariantCulture, $" + {pairs[j].Benefit} x{j}");
        lp.Append("\nSubject To\n");
        foreach (var group in pairs.Select((p, j) => (p, j)).GroupBy(x => x.p.Offer))
            lp.Append(CultureInfo.InvariantCulture,
                $" o{group.Key}: {string.Join(" + ", group.Select(x => $"x{x.j}"))} <= {offers[group.Key].Quantity}\n");
        foreach (var group in pairs.Select((p, j) => (p, j)).GroupBy(x => x.p.Need))
            lp.Append(CultureInfo.InvariantCulture,
                $" r{group.Key}: {string.Join(" + ", group.Select(x => $"x{x.j}"))} <= {needs[group.Key].Quantity}\n");
        lp.Append("End\n");

        var folder = Directory.CreateTempSubdirectory("mainstay-glpk-").FullName;
        try
        {
            var lpFile = Path.Combine(folder, "plan.lp");
            var solution = Path.Combine(folder, "plan.sol");
            File.WriteAllText(lpFile, lp.ToString());
            RunGlpsol("--lp", lpFile, "-w", solution);
            // Raw solution format: one "j <column> <status> <primal> <dual>" line per variable.
            BigInteger objective = 0;
            foreach (var line in File.ReadLines(solution).Where(l => l.StartsWith("j ", StringComparison.Ordinal)))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var column = int.Parse(parts[1], CultureInfo.InvariantCulture) - 1;
                var value = double.Parse(parts[3], CultureInfo.InvariantCulture);
                var units = Math.Round(value);
                Math.Abs(value - units).ShouldBeLessThan(1e-6, "GLPK's optimum should be integral");
                objective += (BigInteger)pairs[column].Benefit * (long)units;
            }
            return objective;
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static void RunGlpsol(params string[] arguments)
    {
        const string Glpsol = "/usr/bin/glpsol";
        if (!File.Exists(Glpsol))
        {
            var why = "glpsol not found: install Debian's glpk-utils (scripts/setup.sh does)";
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail(why);
            Assert.Skip(why);
        }
        var start = new ProcessStartInfo(Glpsol) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, output);
        output.ShouldContain("OPTIMAL");
    }
}
