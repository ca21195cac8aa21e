using Mainstay.Planning;

namespace Mainstay.Tests.Planning;

/// <summary>
/// A slow, simple, independent min-cost flow: augment along cheapest paths found by Bellman-Ford
/// from a super source. Valid when the network has no negative cycle.
/// </summary>
public static class ShortestPathOracle
{
    /// <summary>An independent oracle: augment along cheapest paths (Bellman-Ford) from a super source.</summary>
    public static (bool Feasible, long Cost) MinCostFlow(
        int nodes, List<(int From, int To, long Cost, long Cap)> arcs, long[] supply)
    {
        var s = nodes;
        var t = nodes + 1;
        var from = new List<int>();
        var to = new List<int>();
        var cost = new List<long>();
        var cap = new List<long>();
        void Add(int a, int b, long c, long k)
        {
            from.Add(a); to.Add(b); cost.Add(c); cap.Add(k);
            from.Add(b); to.Add(a); cost.Add(-c); cap.Add(0);
        }
        foreach (var arc in arcs)
            Add(arc.From, arc.To, arc.Cost, arc.Cap == NetworkSimplex.Infinite ? 1_000_000 : arc.Cap);
        var needed = 0L;
        for (var v = 0; v < nodes; v++)
        {
            if (supply[v] > 0) { Add(s, v, 0, supply[v]); needed += supply[v]; }
            if (supply[v] < 0) Add(v, t, 0, -supply[v]);
        }
        var total = 0L;
        var sent = 0L;
        while (true)
        {
            var dist = Enumerable.Repeat(long.MaxValue, nodes + 2).ToArray();
            var via = new int[nodes + 2];
            dist[s] = 0;
            for (var round = 0; round < nodes + 2; round++)
                for (var e = 0; e < from.Count; e++)
                    if (cap[e] > 0 && dist[from[e]] != long.MaxValue && dist[from[e]] + cost[e] < dist[to[e]])
                    {
                        dist[to[e]] = dist[from[e]] + cost[e];
                        via[to[e]] = e;
                    }
            if (dist[t] == long.MaxValue)
                break;
            var push = long.MaxValue;
            for (var v = t; v != s; v = from[via[v]])
                push = Math.Min(push, cap[via[v]]);
            for (var v = t; v != s; v = from[via[v]])
            {
                cap[via[v]] -= push;
                cap[via[v] ^ 1] += push;
            }
            total += push * dist[t];
            sent += push;
        }
        return (sent == needed, total);
    }
}
