using Mainstay.Planning;
using Mainstay.Time;

namespace Mainstay.Procurement;

/// <summary>
/// Turns a solution of the compact model back into the contract's allocations and purchases. In
/// each lane, month by month, the units arriving (from offers, in id order, and from orders, paid by
/// the funds available first) join a queue, and the month's draws take from its front. Every unit a
/// requirement draws has arrived by the draw's month, so it is eligible and worth at least what the
/// model counted for it.
/// </summary>
internal static class JointSolution
{
    /// <summary>Units that arrived together from one source: an offer, or one fund's order of an option.</summary>
    private sealed class Lot(int offer, int fund, int option, int orderMonth, long units)
    {
        public int Offer { get; } = offer;
        public int Fund { get; } = fund;
        public int Option { get; } = option;
        public int OrderMonth { get; } = orderMonth;
        public long Units { get; set; } = units;
    }

    public static (List<Allocation> Allocations, List<Purchase> Purchases) Decompose(
        JointInput input, JointModel model, Func<Google.OrTools.Sat.IntVar, long> value)
    {
        var offerLeft = input.Offers.Select(o => o.Quantity).ToArray();
        var given = new Dictionary<(int Offer, int Requirement), long>();
        var bought = new Dictionary<(int Fund, int Option, int Month, int Requirement), long>();
        var arcsByLane = model.Arcs.ToLookup(a => a.Lane);
        var ordersByLane = model.Orders.ToLookup(o => o.Lane);
        var drawsByLane = model.Draws.ToLookup(d => d.Lane);
        foreach (var lane in input.Lanes)
        {
            var arriving = new List<Lot>[lane.Last - lane.First + 1];
            for (var m = 0; m < arriving.Length; m++)
                arriving[m] = [];
            foreach (var arc in arcsByLane[lane])
                foreach (var lot in OfferLots(arc.Class, value(arc.Units), offerLeft))
                    arriving[arc.Class.Arrival - lane.First].Add(lot);
            foreach (var orders in ordersByLane[lane])
                foreach (var lot in OrderLots(input, orders, value))
                    arriving[lot.OrderMonth + input.Options[lot.Option].LeadMonths - lane.First].Add(lot);

            var queue = new Queue<Lot>();
            var drawsByMonth = drawsByLane[lane].ToLookup(d => d.Month);
            for (var m = 0; m < arriving.Length; m++)
            {
                foreach (var lot in arriving[m])
                    queue.Enqueue(lot);
                foreach (var draw in drawsByMonth[lane.First + m])
                    Take(queue, value(draw.Units), draw.Requirement, given, bought);
            }
        }
        var allocations = given.Select(g => new Allocation(
            input.Offers[g.Key.Offer], input.Requirements[g.Key.Requirement], g.Value)).ToList();
        var purchases = bought.Select(b => new Purchase(
            input.Funds[b.Key.Fund], input.Options[b.Key.Option], YearMonth.FromIndex(b.Key.Month),
            input.Requirements[b.Key.Requirement], b.Value)).ToList();
        return (allocations, purchases);
    }

    private static IEnumerable<Lot> OfferLots(OfferClass offerClass, long units, long[] offerLeft)
    {
        foreach (var o in offerClass.Offers)
        {
            if (units == 0)
                yield break;
            var take = Math.Min(units, offerLeft[o]);
            if (take == 0)
                continue;
            offerLeft[o] -= take;
            units -= take;
            yield return new Lot(o, -1, -1, offerClass.Arrival, take);
        }
        if (units > 0)
            throw new InvalidOperationException($"the solver sent more units of a {offerClass.Item} class than it holds");
    }

    /// <summary>Each month's orders, paid by the funds in the order their money became available.</summary>
    private static IEnumerable<Lot> OrderLots(JointInput input, OrderVars orders, Func<Google.OrTools.Sat.IntVar, long> value)
    {
        var option = orders.Option;
        var payers = Enumerable.Range(0, option.Funds.Length)
            .Select(i => (Fund: option.Funds[i], Enters: Math.Max(input.Funds[option.Funds[i]].Available.Index, option.FirstOrder),
                Left: value(orders.Paid[i])))
            .OrderBy(p => p.Enters).ThenBy(p => p.Fund)
            .ToArray();
        for (var m = 0; m < orders.Ordered.Length; m++)
        {
            var month = option.FirstOrder + m;
            var units = value(orders.Ordered[m]);
            for (var i = 0; i < payers.Length && units > 0; i++)
            {
                if (payers[i].Enters > month || payers[i].Left == 0)
                    continue;
                var take = Math.Min(units, payers[i].Left);
                payers[i].Left -= take;
                units -= take;
                yield return new Lot(-1, payers[i].Fund, option.Option, month, take);
            }
            if (units > 0)
                throw new InvalidOperationException("the solver ordered units no fund had paid for by their month");
        }
    }

    private static void Take(
        Queue<Lot> queue, long units, int requirement, Dictionary<(int, int), long> given,
        Dictionary<(int, int, int, int), long> bought)
    {
        while (units > 0)
        {
            if (!queue.TryPeek(out var lot))
                throw new InvalidOperationException("the solver drew units that had not arrived");
            var take = Math.Min(units, lot.Units);
            if (lot.Offer >= 0)
                given[(lot.Offer, requirement)] = given.GetValueOrDefault((lot.Offer, requirement)) + take;
            else
            {
                var key = (lot.Fund, lot.Option, lot.OrderMonth, requirement);
                bought[key] = bought.GetValueOrDefault(key) + take;
            }
            units -= take;
            lot.Units -= take;
            if (lot.Units == 0)
                queue.Dequeue();
        }
    }
}
