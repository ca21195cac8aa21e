namespace Mainstay.Planning;

public sealed partial class NetworkSimplex
{
    // Residual arcs of each node for the shortest-path searches, built on first use: the arcs
    // leaving node u are _adjacent[_firstAdjacent[u] .. _firstAdjacent[u + 1]), a negative entry
    // ~e standing for arc e entered backwards.
    private int[]? _firstAdjacent;
    private int[]? _adjacent;

    /// <summary>Supply of <paramref name="node"/> in the problem last solved.</summary>
    public long Supply(int node) => _supply[node];

    /// <summary>
    /// Changes supplies and capacities after <see cref="Solve"/> and restores a minimum-cost flow
    /// from the last one (a warm start) by successive shortest paths: the last potentials keep every
    /// residual arc's reduced cost non-negative, so each unbalanced unit travels the cheapest residual
    /// path (Dijkstra) to a node short of flow, and the potentials are updated after each search.
    /// The work grows with the change, not with the network. Supplies must still balance, changed
    /// capacities must be finite, and the changed problem must be feasible, as the planning network
    /// always is (otherwise this throws and the solver must <see cref="Solve"/> again).
    /// </summary>
    public void Reoptimise(
        IEnumerable<(int Node, long Supply)> supplies, IEnumerable<(int Arc, long Capacity)> capacities)
    {
        // Check everything before changing anything: a refused change leaves the last optimum intact.
        var newSupply = new Dictionary<int, long>();
        foreach (var (node, supply) in supplies)
            newSupply[node] = supply;
        var newCapacity = capacities.ToArray();
        if (newCapacity.FirstOrDefault(c => c.Capacity is < 0 or Infinite) is { Capacity: < 0 or Infinite } bad)
            throw new ArgumentOutOfRangeException(
                nameof(capacities), bad.Capacity, "a changed capacity must be finite and non-negative");
        if (newSupply.Sum(s => s.Value - _supply[s.Key]) != 0)
            throw new ArgumentException("supplies must still sum to zero", nameof(supplies));

        var excess = new long[_nodeCount];
        foreach (var (node, supply) in newSupply)
        {
            excess[node] += supply - _supply[node];
            _supply[node] = supply;
        }
        foreach (var (arc, capacity) in newCapacity)
        {
            _cap[arc] = capacity;
            // Too much flow for the new capacity, or a profitable arc (negative reduced cost) with
            // room left: set the flow to the capacity and let the paths rebalance its ends.
            var excessFlow = _flow[arc] > capacity || ReducedCost(arc) < 0 ? _flow[arc] - capacity : 0;
            _flow[arc] -= excessFlow;
            excess[_source[arc]] += excessFlow;
            excess[_target[arc]] -= excessFlow;
        }
        BuildAdjacency();
        var search = new ShortestPaths(_nodeCount);
        for (var from = 0; from < _nodeCount; from++)
            while (excess[from] > 0)
            {
                var to = search.Run(this, from, excess);
                if (to < 0)
                    throw new InvalidOperationException(
                        "infeasible after the change: no residual path from node " + from);
                Augment(search, from, to, excess);
            }
    }

    private long ReducedCost(int arc) => _cost[arc] + _pi[_source[arc]] - _pi[_target[arc]];

    private void BuildAdjacency()
    {
        if (_adjacent is not null)
            return;
        var first = new int[_nodeCount + 1];
        for (var e = 0; e < _arcCount; e++)
        {
            first[_source[e] + 1]++;
            first[_target[e] + 1]++;
        }
        for (var u = 0; u < _nodeCount; u++)
            first[u + 1] += first[u];
        var next = first[..^1];
        var adjacent = new int[2 * _arcCount];
        for (var e = 0; e < _arcCount; e++)
        {
            adjacent[next[_source[e]]++] = e;
            adjacent[next[_target[e]]++] = ~e;
        }
        (_firstAdjacent, _adjacent) = (first, adjacent);
    }

    /// <summary>
    /// Sends units along the path the search found, as many as its narrowest arc, the excess at its start and the
    /// shortage at its end allow.
    /// </summary>
    private void Augment(ShortestPaths search, int from, int to, long[] excess)
    {
        var units = Math.Min(excess[from], -excess[to]);
        for (var v = to; v != from;)
        {
            var entry = search.Via[v];
            units = Math.Min(
                units, entry >= 0 ? (_cap[entry] == Infinite ? Infinite : _cap[entry] - _flow[entry]) : _flow[~entry]);
            v = entry >= 0 ? _source[entry] : _target[~entry];
        }
        for (var v = to; v != from;)
        {
            var entry = search.Via[v];
            if (entry >= 0)
                _flow[entry] += units;
            else
                _flow[~entry] -= units;
            v = entry >= 0 ? _source[entry] : _target[~entry];
        }
        excess[from] -= units;
        excess[to] += units;
    }

    /// <summary>Dijkstra on reduced costs from one node to the nearest node short of flow.</summary>
    private sealed class ShortestPaths(int nodeCount)
    {
        private readonly long[] _distance = InitialDistances(nodeCount);
        private readonly List<int> _reached = [];
        private readonly PriorityQueue<int, long> _queue = new();

        /// <summary>The residual arc each node was reached by (an arc, or ~arc when entered backwards).</summary>
        public int[] Via { get; } = new int[nodeCount];

        /// <returns>The node reached, or -1 when none short of flow can be reached.</returns>
        public int Run(NetworkSimplex network, int from, long[] excess)
        {
            foreach (var v in _reached)
                _distance[v] = long.MaxValue;
            _reached.Clear();
            _queue.Clear();
            _distance[from] = 0;
            _reached.Add(from);
            _queue.Enqueue(from, 0);
            var found = -1;
            while (_queue.TryDequeue(out var u, out var d))
            {
                if (d > _distance[u])
                    continue;
                if (excess[u] < 0)
                {
                    found = u;
                    break;
                }
                for (var i = network._firstAdjacent![u]; i < network._firstAdjacent[u + 1]; i++)
                {
                    var entry = network._adjacent![i];
                    var forward = entry >= 0;
                    var arc = forward ? entry : ~entry;
                    if (forward ? network._flow[arc] == network._cap[arc] : network._flow[arc] == 0)
                        continue;
                    var v = forward ? network._target[arc] : network._source[arc];
                    var next = d + (forward ? network.ReducedCost(arc) : -network.ReducedCost(arc));
                    if (next < _distance[v])
                    {
                        if (_distance[v] == long.MaxValue)
                            _reached.Add(v);
                        _distance[v] = next;
                        Via[v] = entry;
                        _queue.Enqueue(v, next);
                    }
                }
            }
            if (found >= 0)
            {
                // Johnson's update keeps every residual reduced cost non-negative: each node moves
                // by its distance capped at the target's (nodes still queued are at least that far),
                // less the target's distance, so nodes at or beyond it stay where they are.
                var limit = _distance[found];
                foreach (var v in _reached)
                    if (_distance[v] < limit)
                        network._pi[v] -= limit - _distance[v];
            }
            return found;
        }

        private static long[] InitialDistances(int count)
        {
            var distance = new long[count];
            Array.Fill(distance, long.MaxValue);
            return distance;
        }
    }
}
