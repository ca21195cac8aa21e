// Times re-planning in memory (PlanSession) after one offer's quantity changes, against a full
// solve of the same rows in the same process: for the offers of the largest item type, the
// second largest and one of median size, RUNS times each, each time a different offer.
// usage: dotnet run -c Release --project bench/planner/Replan -- SCENARIO_DIR [RUNS]
using System.Diagnostics;
using Mainstay.Data.Planning;
using Mainstay.Planning;

var (scenario, problems) = Scenario.Read(args[0]);
if (scenario is null)
{
    foreach (var problem in problems)
        Console.Error.WriteLine(problem);
    return 2;
}
var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
var offers = scenario.Offers.ToArray();

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

var fullTimes = new List<double>();
PlanSession? session = null;
for (var run = 0; run < runs; run++)
{
    var clock = Stopwatch.StartNew();
    session = new PlanSession(scenario.Requirements, offers);
    fullTimes.Add(clock.Elapsed.TotalSeconds);
}
var solveTimes = new List<double>();
for (var run = 0; run < runs; run++)
{
    var clock = Stopwatch.StartNew();
    Planner.Solve(scenario.Requirements, offers);
    solveTimes.Add(clock.Elapsed.TotalSeconds);
}
Console.WriteLine($"full plan in memory: Planner.Solve median {Median(solveTimes):F3} s, new PlanSession median {Median(fullTimes):F3} s ({runs} runs)");

var bySize = offers.Select((o, i) => (o.Item, i)).GroupBy(p => p.Item).OrderByDescending(g => g.Count()).ToArray();
var random = new Random(1);
foreach (var (label, group) in new[] { ("largest", bySize[0]), ("second largest", bySize[1]), ("median", bySize[bySize.Length / 2]) })
{
    var times = new List<double>();
    var members = group.Select(p => p.i).ToArray();
    for (var run = 0; run < runs; run++)
    {
        var at = members[random.Next(members.Length)];
        offers[at] = offers[at] with { Quantity = offers[at].Quantity + 1 + random.Next(100) };
        var clock = Stopwatch.StartNew();
        var plan = session!.Change([], [offers[at]]);
        times.Add(clock.Elapsed.TotalSeconds);
        GC.KeepAlive(plan);
    }
    Console.WriteLine($"re-plan after one offer of the {label} item type ({group.Key}, {members.Length} offers) changed: median {Median(times):F3} s ({runs} runs)");
}
return 0;
