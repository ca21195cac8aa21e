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
            var nodes = random.Next(2, 14);
            var arcs = new List<(int From, int To, long Cost, long Cap)>();
            for (var i = 0; i < random.Next(1, nodes * 4); i++)
            {
                var a = random.Next(nodes);
                var b = random.Next(nodes);
                if (a == b)
                    continue;
                // Arcs go from lower to higher node numbers: no cycles, so no negative cycles.
                arcs.Add((Math.Min(a, b), Math.Max(a, b), random.Next(-20, 21), random.Next(0, 4) == 0 ? NetworkSimplex.Infinite : random.Next(1, 15)));
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

            var solver = new NetworkSimplex(nodes, arcs.Select(a => a.From).ToArray(), arcs.Select(a => a.To).ToArray(),
                arcs.Select(a => a.Cost).ToArray(), arcs.Select(a => a.Cap).ToArray(), supply);
            var feasible = solver.Solve();
            var (oracleFeasible, oracleCost) = ShortestPathOracle.MinCostFlow(nodes, arcs, supply);

            feasible.ShouldBe(oracleFeasible, $"round {round}");
            if (!feasible)
                continue;
            var cost = 0L;
            var balance = (long[])supply.Clone();
            for (var e = 0; e < arcs.Count; e++)
            {
                var flow = solver.Flow(e);
                flow.ShouldBeInRange(0, arcs[e].Cap, $"round {round} arc {e}");
                cost += flow * arcs[e].Cost;
                balance[arcs[e].From] -= flow;
                balance[arcs[e].To] += flow;
            }
            balance.ShouldAllBe(b => b == 0, $"round {round}");
            cost.ShouldBe(oracleCost, $"round {round}");
        }
    }
}
