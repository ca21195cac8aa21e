namespace Mainstay.Planning;

/// <summary>
/// An exact minimum-cost flow solver: the primal network simplex method with a strongly feasible
/// spanning tree, block-search pricing and the last-blocking-arc leaving rule (which prevents
/// cycling), after the design of LEMON's <c>NetworkSimplex</c> (Király and Kovács, 2012).
/// Costs and capacities are integers; supplies must balance (sum to zero). Every node is linked to
/// an artificial root by an arc of prohibitive cost, so the start is feasible; at the optimum those
/// arcs carry no flow when the problem is feasible.
/// </summary>
public sealed partial class NetworkSimplex
{
    /// <summary>Capacity meaning "no limit".</summary>
    public const long Infinite = long.MaxValue;

    private const sbyte StateUpper = -1;
    private const sbyte StateTree = 0;
    private const sbyte StateLower = 1;
    private const sbyte DirUp = 1;
    private const sbyte DirDown = -1;

    private readonly int _nodeCount;
    private readonly int _arcCount;
    private readonly int[] _source;
    private readonly int[] _target;
    private readonly long[] _cost;
    private readonly long[] _cap;
    private readonly long[] _flow;
    private readonly sbyte[] _state;
    private readonly long[] _supply;

    private readonly long[] _pi;
    private readonly int[] _parent;
    private readonly int[] _pred;
    private readonly int[] _thread;
    private readonly int[] _revThread;
    private readonly int[] _succNum;
    private readonly int[] _lastSucc;
    private readonly sbyte[] _predDir;
    private readonly List<int> _dirtyRevs = [];

    private int _root;
    private int _inArc;
    private int _join;
    private int _uIn;
    private int _vIn;
    private int _uOut;
    private long _delta;
    private int _nextArc;
    private int _blockSize;

    /// <param name="nodeCount">Nodes are numbered 0..nodeCount-1.</param>
    /// <param name="source">Tail of each arc.</param>
    /// <param name="target">Head of each arc.</param>
    /// <param name="cost">Cost of a unit of flow on each arc.</param>
    /// <param name="capacity">Upper bound of each arc (lower bounds are 0); <see cref="Infinite"/> for none.</param>
    /// <param name="supply">Supply (positive) or demand (negative) of each node; must sum to zero.</param>
    public NetworkSimplex(int nodeCount, int[] source, int[] target, long[] cost, long[] capacity, long[] supply)
    {
        if (source.Length != target.Length || source.Length != cost.Length || source.Length != capacity.Length)
            throw new ArgumentException("arc arrays differ in length");
        if (supply.Length != nodeCount)
            throw new ArgumentException("supply must have one entry per node", nameof(supply));
        if (supply.Sum() != 0)
            throw new ArgumentException("supplies must sum to zero", nameof(supply));

        _nodeCount = nodeCount;
        _arcCount = source.Length;
        var allNodes = nodeCount + 1;
        var allArcs = _arcCount + nodeCount;
        _source = new int[allArcs];
        _target = new int[allArcs];
        _cost = new long[allArcs];
        _cap = new long[allArcs];
        _flow = new long[allArcs];
        _state = new sbyte[allArcs];
        Array.Copy(source, _source, _arcCount);
        Array.Copy(target, _target, _arcCount);
        Array.Copy(cost, _cost, _arcCount);
        Array.Copy(capacity, _cap, _arcCount);
        _supply = new long[allNodes];
        Array.Copy(supply, _supply, nodeCount);

        _pi = new long[allNodes];
        _parent = new int[allNodes];
        _pred = new int[allNodes];
        _thread = new int[allNodes];
        _revThread = new int[allNodes];
        _succNum = new int[allNodes];
        _lastSucc = new int[allNodes];
        _predDir = new sbyte[allNodes];
    }

    /// <summary>The flow on each of the caller's arcs after <see cref="Solve"/>.</summary>
    public long Flow(int arc) => _flow[arc];

    /// <summary>
    /// Finds a minimum-cost flow. Returns false when the supplies cannot be met within the
    /// capacities. Throws when the cost is unbounded (a negative cycle of infinite capacity).
    /// </summary>
    public bool Solve()
    {
        Initialize();
        while (FindEnteringArc())
        {
            FindJoinNode();
            var change = FindLeavingArc();
            if (_delta >= Infinite)
                throw new InvalidOperationException("the cost is unbounded: a negative cycle has infinite capacity");
            ChangeFlow(change);
            if (change)
            {
                UpdateTreeStructure();
                UpdatePotential();
            }
        }
        for (var e = _arcCount; e < _arcCount + _nodeCount; e++)
            if (_flow[e] != 0)
                return false;
        return true;
    }

    private void Initialize()
    {
        long maxCost = 0;
        for (var e = 0; e < _arcCount; e++)
        {
            _flow[e] = 0;
            _state[e] = StateLower;
            maxCost = Math.Max(maxCost, Math.Abs(_cost[e]));
        }
        // An artificial arc costs more than any path of real arcs, so it is used only when it must be.
        var artificialCost = checked((maxCost + 1) * (_nodeCount + 1));

        _root = _nodeCount;
        _parent[_root] = -1;
        _pred[_root] = -1;
        _thread[_root] = 0;
        _revThread[0] = _root;
        _succNum[_root] = _nodeCount + 1;
        _lastSucc[_root] = _root - 1;
        _supply[_root] = 0;
        _pi[_root] = 0;

        for (int u = 0, e = _arcCount; u < _nodeCount; u++, e++)
        {
            _parent[u] = _root;
            _pred[u] = e;
            _thread[u] = u + 1;
            _revThread[u + 1] = u;
            _succNum[u] = 1;
            _lastSucc[u] = u;
            _cap[e] = Infinite;
            _state[e] = StateTree;
            if (_supply[u] >= 0)
            {
                _predDir[u] = DirUp;
                _pi[u] = 0;
                _source[e] = u;
                _target[e] = _root;
                _flow[e] = _supply[u];
                _cost[e] = 0;
            }
            else
            {
                _predDir[u] = DirDown;
                _pi[u] = artificialCost;
                _source[e] = _root;
                _target[e] = u;
                _flow[e] = -_supply[u];
                _cost[e] = artificialCost;
            }
        }
        _blockSize = Math.Max((int)Math.Sqrt(_arcCount), 10);
        _nextArc = 0;
    }

    // Block search: scan a block of arcs for the most negative reduced cost; take the best of the
    // first block that has any, continuing cyclically from where the last search stopped.
    private bool FindEnteringArc()
    {
        long min = 0;
        var count = _blockSize;
        var e = _nextArc;
        for (var scanned = 0; scanned < _arcCount; scanned++)
        {
            var c = _state[e] * (_cost[e] + _pi[_source[e]] - _pi[_target[e]]);
            if (c < min)
            {
                min = c;
                _inArc = e;
            }
            e = e + 1 == _arcCount ? 0 : e + 1;
            if (--count == 0)
            {
                if (min < 0)
                    break;
                count = _blockSize;
            }
        }
        _nextArc = e;
        return min < 0;
    }

    private void FindJoinNode()
    {
        int u = _source[_inArc], v = _target[_inArc];
        while (u != v)
        {
            if (_succNum[u] < _succNum[v])
                u = _parent[u];
            else
                v = _parent[v];
        }
        _join = u;
    }

    // The leaving arc is the last blocking arc met going round the cycle in its direction from the
    // join node, which keeps the tree strongly feasible.
    private bool FindLeavingArc()
    {
        int first, second;
        if (_state[_inArc] == StateLower)
        {
            first = _source[_inArc];
            second = _target[_inArc];
        }
        else
        {
            first = _target[_inArc];
            second = _source[_inArc];
        }
        _delta = _cap[_inArc];
        var result = 0;
        for (var u = first; u != _join; u = _parent[u])
        {
            var e = _pred[u];
            var d = _flow[e];
            if (_predDir[u] == DirDown)
                d = _cap[e] >= Infinite ? Infinite : _cap[e] - d;
            if (d < _delta)
            {
                _delta = d;
                _uOut = u;
                result = 1;
            }
        }
        for (var u = second; u != _join; u = _parent[u])
        {
            var e = _pred[u];
            var d = _flow[e];
            if (_predDir[u] == DirUp)
                d = _cap[e] >= Infinite ? Infinite : _cap[e] - d;
            if (d <= _delta)
            {
                _delta = d;
                _uOut = u;
                result = 2;
            }
        }
        if (result == 1)
        {
            _uIn = first;
            _vIn = second;
        }
        else
        {
            _uIn = second;
            _vIn = first;
        }
        return result != 0;
    }

    private void ChangeFlow(bool change)
    {
        if (_delta > 0)
        {
            var value = _state[_inArc] * _delta;
            _flow[_inArc] += value;
            for (var u = _source[_inArc]; u != _join; u = _parent[u])
                _flow[_pred[u]] -= _predDir[u] * value;
            for (var u = _target[_inArc]; u != _join; u = _parent[u])
                _flow[_pred[u]] += _predDir[u] * value;
        }
        if (change)
        {
            _state[_inArc] = StateTree;
            _state[_pred[_uOut]] = _flow[_pred[_uOut]] == 0 ? StateLower : StateUpper;
        }
        else
        {
            _state[_inArc] = (sbyte)-_state[_inArc];
        }
    }

    private void UpdateTreeStructure()
    {
        var oldRevThread = _revThread[_uOut];
        var oldSuccNum = _succNum[_uOut];
        var oldLastSucc = _lastSucc[_uOut];
        var vOut = _parent[_uOut];

        if (_uIn == _uOut)
        {
            _parent[_uIn] = _vIn;
            _pred[_uIn] = _inArc;
            _predDir[_uIn] = _uIn == _source[_inArc] ? DirUp : DirDown;
            if (_thread[_vIn] != _uOut)
            {
                var after = _thread[oldLastSucc];
                _thread[oldRevThread] = after;
                _revThread[after] = oldRevThread;
                after = _thread[_vIn];
                _thread[_vIn] = _uOut;
                _revThread[_uOut] = _vIn;
                _thread[oldLastSucc] = after;
                _revThread[after] = oldLastSucc;
            }
        }
        else
        {
            // When old_rev_thread is v_in, join and v_out coincide.
            var threadContinue = oldRevThread == _vIn ? _thread[oldLastSucc] : _thread[_vIn];

            // Re-hang the stem (the nodes from u_in up to u_out) under v_in, fixing the thread.
            var stem = _uIn;
            var parStem = _vIn;
            var last = _lastSucc[_uIn];
            var after = _thread[last];
            _thread[_vIn] = _uIn;
            _dirtyRevs.Clear();
            _dirtyRevs.Add(_vIn);
            while (stem != _uOut)
            {
                var nextStem = _parent[stem];
                _thread[last] = nextStem;
                _dirtyRevs.Add(last);

                var before = _revThread[stem];
                _thread[before] = after;
                _revThread[after] = before;

                _parent[stem] = parStem;
                parStem = stem;
                stem = nextStem;

                last = _lastSucc[stem] == _lastSucc[parStem] ? _revThread[parStem] : _lastSucc[stem];
                after = _thread[last];
            }
            _parent[_uOut] = parStem;
            _thread[last] = threadContinue;
            _revThread[threadContinue] = last;
            _lastSucc[_uOut] = last;

            if (oldRevThread != _vIn)
            {
                _thread[oldRevThread] = after;
                _revThread[after] = oldRevThread;
            }

            foreach (var u in _dirtyRevs)
                _revThread[_thread[u]] = u;

            // Reverse pred, pred_dir, last_succ and succ_num along the stem.
            int tmpSc = 0, tmpLs = _lastSucc[_uOut];
            for (int u = _uOut, p = _parent[u]; u != _uIn; u = p, p = _parent[u])
            {
                _pred[u] = _pred[p];
                _predDir[u] = (sbyte)-_predDir[p];
                tmpSc += _succNum[u] - _succNum[p];
                _succNum[u] = tmpSc;
                _lastSucc[p] = tmpLs;
            }
            _pred[_uIn] = _inArc;
            _predDir[_uIn] = _uIn == _source[_inArc] ? DirUp : DirDown;
            _succNum[_uIn] = oldSuccNum;
        }

        // last_succ from v_in towards the root
        var upLimitOut = _lastSucc[_join] == _vIn ? _join : -1;
        var lastSuccOut = _lastSucc[_uOut];
        for (var u = _vIn; u != -1 && _lastSucc[u] == _vIn; u = _parent[u])
            _lastSucc[u] = lastSuccOut;

        // last_succ from v_out towards the root
        if (_join != oldRevThread && _vIn != oldRevThread)
        {
            for (var u = vOut; u != upLimitOut && _lastSucc[u] == oldLastSucc; u = _parent[u])
                _lastSucc[u] = oldRevThread;
        }
        else if (lastSuccOut != oldLastSucc)
        {
            for (var u = vOut; u != upLimitOut && _lastSucc[u] == oldLastSucc; u = _parent[u])
                _lastSucc[u] = lastSuccOut;
        }

        for (var u = _vIn; u != _join; u = _parent[u])
            _succNum[u] += oldSuccNum;
        for (var u = vOut; u != _join; u = _parent[u])
            _succNum[u] -= oldSuccNum;
    }

    private void UpdatePotential()
    {
        var sigma = _pi[_vIn] - _pi[_uIn] - (_predDir[_uIn] * _cost[_inArc]);
        var end = _thread[_lastSucc[_uIn]];
        for (var u = _uIn; u != end; u = _thread[u])
            _pi[u] += sigma;
    }
}
