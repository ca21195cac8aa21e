namespace Mainstay.Planning;

/// <summary>Collects nodes and arcs for a <see cref="NetworkSimplex"/>.</summary>
internal sealed class NetworkBuilder
{
    private readonly List<int> _source = [];
    private readonly List<int> _target = [];
    private readonly List<long> _cost = [];
    private readonly List<long> _capacity = [];
    private readonly List<long> _supply = [];

    public int ArcCount => _source.Count;

    public int AddNode()
    {
        _supply.Add(0);
        return _supply.Count - 1;
    }

    public void SetSupply(int node, long units) => _supply[node] = units;

    public int AddArc(int from, int to, long cost, long capacity)
    {
        _source.Add(from);
        _target.Add(to);
        _cost.Add(cost);
        _capacity.Add(capacity);
        return _source.Count - 1;
    }

    public long Cost(int arc) => _cost[arc];

    public NetworkSimplex Build() =>
        new(_supply.Count, [.. _source], [.. _target], [.. _cost], [.. _capacity], [.. _supply]);
}
