using Google.OrTools.Sat;

namespace Mainstay.Procurement;

/// <summary>Units a requirement draws from its lane in one month, at the benefit of that month.</summary>
internal sealed record Draw(Lane Lane, int Requirement, int Month, long Benefit, IntVar Units);

/// <summary>Units of an offer class that go to one lane.</summary>
internal sealed record ClassArc(OfferClass Class, Lane Lane, IntVar Units);

/// <summary>
/// The orders of one option for one lane: units ordered in each month (<see cref="Ordered"/>, from the
/// option lane's first order month) and units each fund pays for (<see cref="Paid"/>, in the order of
/// <see cref="OptionLane.Funds"/>).
/// </summary>
internal sealed record OrderVars(Lane Lane, OptionLane Option, IntVar[] Ordered, IntVar[] Paid);

/// <summary>
/// The joint problem as a CP-SAT model, compact: instead of one variable per offer × requirement pair
/// and per fund × option × month × requirement, units flow through month nodes of each lane, where
/// they may wait for free; a requirement draws from the node of its need-by month (on time) or of a
/// later month some unit arrives in (late). Orders are paid by funds through a running balance per
/// option and lane, so an order is only paid by money available by its month. Every solution maps
/// back to a plan of the contract with at least its objective and the same spend, and every plan
/// of the contract maps to a solution: the optima are equal (docs/planning.md).
/// </summary>
internal sealed class JointModel
{
    private JointModel(CpModel model) => Model = model;

    public CpModel Model { get; }
    public List<Draw> Draws { get; } = [];
    public List<ClassArc> Arcs { get; } = [];
    public List<OrderVars> Orders { get; } = [];
    public LinearExpr Objective { get; private set; } = LinearExpr.Constant(0);
    public LinearExpr Spend { get; private set; } = LinearExpr.Constant(0);

    /// <summary>The largest objective the variables' bounds allow: beyond 64 bits, CP-SAT cannot take it.</summary>
    public Int128 ObjectiveCeiling { get; private set; }

    public static JointModel Build(JointInput input)
    {
        var model = new JointModel(new CpModel());
        var capacityUse = new Dictionary<(int Option, int Month), List<IntVar>>();
        var fundUse = new List<(IntVar Units, long Price)>[input.Funds.Length];
        for (var f = 0; f < fundUse.Length; f++)
            fundUse[f] = [];
        foreach (var lane in input.Lanes)
            model.AddLane(input, lane, capacityUse, fundUse);

        foreach (var group in model.Arcs.GroupBy(a => a.Class))
            model.Model.Add(LinearExpr.Sum(group.Select(a => a.Units)) <= group.Key.Supply);
        foreach (var ((option, _), ordered) in capacityUse)
            model.Model.Add(LinearExpr.Sum(ordered) <= input.Options[option].MonthlyCapacity);
        for (var f = 0; f < fundUse.Length; f++)
            if (fundUse[f].Count > 0)
                model.Model.Add(
                    LinearExpr.WeightedSum(fundUse[f].Select(u => u.Units), fundUse[f].Select(u => u.Price))
                    <= input.Funds[f].AmountEur);

        model.Objective = LinearExpr.WeightedSum(model.Draws.Select(d => d.Units), model.Draws.Select(d => d.Benefit));
        model.ObjectiveCeiling = model.Draws.Aggregate(
            Int128.Zero, (sum, d) => sum + ((Int128)d.Benefit * input.Requirements[d.Requirement].Quantity));
        model.Spend = LinearExpr.WeightedSum(
            model.Orders.SelectMany(o => o.Ordered),
            model.Orders.SelectMany(o => o.Ordered.Select(_ => input.Options[o.Option.Option].UnitPriceEur)));
        return model;
    }

    private void AddLane(
        JointInput input, Lane lane, Dictionary<(int, int), List<IntVar>> capacityUse,
        List<(IntVar Units, long Price)>[] fundUse)
    {
        var months = lane.Last - lane.First + 1;
        var inflow = new List<IntVar>[months];
        var outflow = new List<IntVar>[months];
        for (var m = 0; m < months; m++)
            (inflow[m], outflow[m]) = ([], []);

        foreach (var offerClass in lane.Classes)
        {
            var units = Model.NewIntVar(0, Math.Min(offerClass.Supply, lane.Demand), "");
            Arcs.Add(new ClassArc(offerClass, lane, units));
            inflow[offerClass.Arrival - lane.First].Add(units);
        }
        foreach (var option in lane.Options)
            AddOrders(input, lane, option, inflow, capacityUse, fundUse);
        foreach (var r in lane.Requirements)
            AddDraws(input.Requirements[r], r, lane, outflow);
        for (var m = 0; m + 1 < months; m++)
        {
            var waiting = Model.NewIntVar(0, lane.Demand, "");
            outflow[m].Add(waiting);
            inflow[m + 1].Add(waiting);
        }
        for (var m = 0; m < months; m++)
            if (inflow[m].Count > 0 || outflow[m].Count > 0)
                Model.Add(LinearExpr.Sum(inflow[m]) == LinearExpr.Sum(outflow[m]));
    }

    private void AddDraws(Ledger.Requirement requirement, int r, Lane lane, List<IntVar>[] outflow)
    {
        var due = requirement.NeedBy.Index;
        var months = new List<int>();
        if (due >= lane.First)
            months.Add(due);
        if (requirement.UsefulMonths > 0)
            months.AddRange(lane.Arrivals.GetViewBetween(due + 1, due + requirement.UsefulMonths));
        if (months.Count == 0)
            return;
        var draws = new List<IntVar>();
        foreach (var month in months)
        {
            var units = Model.NewIntVar(0, requirement.Quantity, "");
            Draws.Add(new Draw(lane, r, month, JointInput.BenefitAt(requirement, month), units));
            outflow[month - lane.First].Add(units);
            draws.Add(units);
        }
        Model.Add(LinearExpr.Sum(draws) <= requirement.Quantity);
    }

    private void AddOrders(
        JointInput input, Lane lane, OptionLane option, List<IntVar>[] inflow,
        Dictionary<(int, int), List<IntVar>> capacityUse, List<(IntVar Units, long Price)>[] fundUse)
    {
        var product = input.Options[option.Option];
        var months = option.LastOrder - option.FirstOrder + 1;
        var most = Math.Min(lane.Demand, product.MonthlyCapacity);
        var ordered = new IntVar[months];
        for (var m = 0; m < months; m++)
        {
            ordered[m] = Model.NewIntVar(0, most, "");
            inflow[option.FirstOrder + m + product.LeadMonths - lane.First].Add(ordered[m]);
            var key = (option.Option, option.FirstOrder + m);
            if (!capacityUse.TryGetValue(key, out var use))
                capacityUse[key] = use = [];
            use.Add(ordered[m]);
        }
        var paid = new IntVar[option.Funds.Length];
        var entering = new List<IntVar>[months];
        for (var m = 0; m < months; m++)
            entering[m] = [];
        var total = (long)Int128.Min(lane.Demand, (Int128)most * months);
        for (var i = 0; i < paid.Length; i++)
        {
            var fund = input.Funds[option.Funds[i]];
            paid[i] = Model.NewIntVar(0, Math.Min(total, fund.AmountEur / product.UnitPriceEur), "");
            entering[Math.Max(fund.Available.Index, option.FirstOrder) - option.FirstOrder].Add(paid[i]);
            fundUse[option.Funds[i]].Add((paid[i], product.UnitPriceEur));
        }
        // Money paid in by a month, less the units ordered so far, never negative, nothing left at the end.
        IntVar? balance = null;
        for (var m = 0; m < months; m++)
        {
            var next = m + 1 < months ? Model.NewIntVar(0, total, "") : null;
            var inflowTerms = new List<IntVar>(entering[m]);
            if (balance is not null)
                inflowTerms.Add(balance);
            var outflowTerms = new List<IntVar> { ordered[m] };
            if (next is not null)
                outflowTerms.Add(next);
            Model.Add(LinearExpr.Sum(inflowTerms) == LinearExpr.Sum(outflowTerms));
            balance = next;
        }
        Orders.Add(new OrderVars(lane, option, ordered, paid));
    }
}
