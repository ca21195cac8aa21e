using Mainstay.Planning;

namespace Mainstay.Tests.Planning;

public sealed class NetworkSimplexTests
{
    [Fact]
    public void Solves_a_small_transportation_problem()
    {
        // Two suppliers (0, 1) and two customers (2, 3): 0→2 costs 4, 0→3 costs 6, 1→2 costs 5, 1→3 costs 3.
        var solver = new NetworkSimplex(4, [0, 0, 1, 1], [2, 3, 2, 3], [4, 6, 5, 3], [10, 10, 10, 10], [5, 5, -6, -4]);

        solver.Solve().ShouldBeTrue();

        var flows = Enumerable.Range(0, 4).Select(solver.Flow).ToArray();
        flows.ShouldBe([5, 0, 1, 4]);
    }

    [Fact]
    public void Reports_supplies_that_cannot_be_met()
    {
        var solver = new NetworkSimplex(2, [0], [1], [1], [3], [5, -5]);

        solver.Solve().ShouldBeFalse();
    }

    [Fact]
    public void Matches_successive_shortest_paths_on_random_networks()
    {
        var random = new Random(7);
        for (var round = 0; round < 400; round++)
        {
            var (nodes, arcs, supply) = RandomNetwork(random);

            var solver = Solver(nodes, arcs, supply);
            var feasible = solver.Solve();
            var (oracleFeasible, oracleCost) = ShortestPathOracle.MinCostFlow(nodes, arcs, supply);

            feasible.ShouldBe(oracleFeasible, $"round {round}");
            if (feasible)
                ShouldBeOptimal(solver, arcs, supply, oracleCost, $"round {round}");
        }
    }

    [Fact]
    public void Re_optimises_from_the_last_optimum_after_supplies_and_capacities_change()
    {
        var random = new Random(11);
        var checkedChanges = 0;
        for (var round = 0; round < 2000; round++)
        {
            var (nodes, arcs, supply) = RandomNetwork(random);
            var solver = Solver(nodes, arcs, supply);
            if (!solver.Solve())
                continue;
            for (var change = 0; change < 4; change++)
            {
                // Move some supply (either way) between two nodes, and set a few capacities (finite).
                var changed = (long[])supply.Clone();
                var a = random.Next(nodes - 1);
                var (b, amount) = (random.Next(a + 1, nodes),
                    random.Next(-6, 7)); // arcs go up: only a move up can be carried
                changed[a] += amount;
                changed[b] -= amount;
                var capacities = Enumerable.Range(0, random.Next(0, 3)).Where(_ => arcs.Count > 0)
                    .Select(_ => (Arc: random.Next(arcs.Count), Capacity: (long)random.Next(0, 15)))
                    .GroupBy(c => c.Arc).Select(g => g.Last()).ToArray();
                var changedArcs =
                    arcs.Select(
                        (arc, e) => capacities.Any(c => c.Arc == e)
                            ? arc with { Cap = capacities.Single(c => c.Arc == e).Capacity } : arc).ToList();
                var (feasible, oracleCost) = ShortestPathOracle.MinCostFlow(nodes, changedArcs, changed);
                if (!feasible)
                    break; // the solver's state is undefined after an infeasible change: start a new network

                solver.Reoptimise(Enumerable.Range(0, nodes).Select(n => (n, changed[n])), capacities);

                ShouldBeOptimal(solver, changedArcs, changed, oracleCost, $"round {round} change {change}");
                (arcs, supply) = (changedArcs, changed);
                checkedChanges++;
            }
        }
        checkedChanges.ShouldBeGreaterThan(400); // changes the oracle found feasible, each checked
    }

    private static (int Nodes, List<(int From, int To, long Cost, long Cap)> Arcs, long[] Supply) RandomNetwork(
        Random random)
    {
        var nodes = random.Next(2, 14);
        var arcs = new List<(int From, int To, long Cost, long Cap)>();
        for (var i = 0; i < random.Next(1, nodes * 4); i++)
        {
            var a = random.Next(nodes);
            var b = random.Next(nodes);
            if (a == b)
                continue;
            // Arcs go from lower to higher node numbers: no cycles, so no negative cycles.
            arcs.Add(
                (Math.Min(a, b), Math.Max(a, b), random.Next(-20, 21),
                    random.Next(0, 4) == 0 ? NetworkSimplex.Infinite : random.Next(1, 15)));
        }
        var supply = new long[nodes];
        for (var i = 0; i < random.Next(1, 5); i++)
        {
            var amount = random.Next(1, 10);
            var from = random.Next(nodes - 1);
            var to = random.Next(from + 1, nodes);
            supply[from] += amount;
            supply[to] -= amount;
        }
        return (nodes, arcs, supply);
    }

    private static NetworkSimplex Solver(
        int nodes, List<(int From, int To, long Cost, long Cap)> arcs, long[] supply) =>
        new(nodes, arcs.Select(a => a.From).ToArray(), arcs.Select(a => a.To).ToArray(),
            arcs.Select(a => a.Cost).ToArray(), arcs.Select(a => a.Cap).ToArray(), supply);

    /// <summary>The solver's flow keeps every bound and balance, and costs what the oracle's optimum costs.</summary>
    private static void ShouldBeOptimal(
        NetworkSimplex solver, List<(int From, int To, long Cost, long Cap)> arcs, long[] supply, long oracleCost,
        string where)
    {
        var cost = 0L;
        var balance = (long[])supply.Clone();
        for (var e = 0; e < arcs.Count; e++)
        {
            var flow = solver.Flow(e);
            flow.ShouldBeInRange(0, arcs[e].Cap, $"{where} arc {e}");
            cost += flow * arcs[e].Cost;
            balance[arcs[e].From] -= flow;
            balance[arcs[e].To] += flow;
        }
        balance.ShouldAllBe(b => b == 0, where);
        cost.ShouldBe(oracleCost, where);
    }
}
