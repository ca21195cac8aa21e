using Mainstay.Ledger;
using Mainstay.Time;

namespace Mainstay.Procurement.Tests;

/// <summary>A procurement scenario: requirements, offers in kind, funds and what can be bought.</summary>
internal sealed record Scenario(
    string Shape, Requirement[] Requirements, Offer[] Offers, Fund[] Funds, ProcurementOption[] Options)
{
    public override string ToString() =>
        $"{Shape}: {Requirements.Length} requirements, {Offers.Length} offers, {Funds.Length} funds, " +
        $"{Options.Length} options";
}

/// <summary>
/// Small seeded scenarios in eight shapes, rotated by seed; small enough that GLPK solves the dense
/// integer program in milliseconds, and with figures small enough to stay inside its tolerances
/// (see <see cref="GlpkReference"/>).
/// </summary>
internal static class Scenarios
{
    public const string Plain = "plain random";
    public const string BudgetsBind = "budgets bind";
    public const string EarmarksExclude = "earmarks exclude";
    public const string CapacityBinds = "capacity binds";
    public const string LeadsPastWindows = "lead times past every window";
    public const string FundsAfterOptionsClose = "funds available after every option closes";
    public const string InKindTiedWithBought = "in-kind tied with bought";
    public const string PerEuroValue = "per-euro value matters";

    public static readonly string[] Shapes =
    [
        Plain, BudgetsBind, EarmarksExclude, CapacityBinds, LeadsPastWindows, FundsAfterOptionsClose,
        InKindTiedWithBought, PerEuroValue,
    ];

    /// <summary>The most the objective of a generated scenario can reach, by construction.</summary>
    public const long ObjectiveCap = 3_000_000;

    public static readonly YearMonth Start = YearMonth.Of(2025, 1);

    public static YearMonth Month(int offset) => Start.AddMonths(offset);

    public static Scenario Generate(int seed)
    {
        var random = new Random(seed);
        var shape = Shapes[seed % Shapes.Length];
        var tied = shape == InKindTiedWithBought;
        var earmarked = shape == EarmarksExclude;
        var months = random.Next(3, 9); // orders may be placed in months 0 .. months-1 from Start
        var items = Names("item-", random.Next(earmarked ? 2 : 1, 4));
        var recipients = Names("R", random.Next(earmarked ? 2 : 1, 4));

        var requirements = new List<Requirement>();
        long objectiveBound = 0;
        for (var i = random.Next(3, 16); i > 0; i--)
        {
            var (priority, quantity, useful) = (random.Next(1, 6), random.Next(1, 13), random.Next(0, 4));
            while (priority < 5 && objectiveBound + Most(priority) > ObjectiveCap)
                priority++;
            objectiveBound += Most(priority);
            long Most(int p) => Contract.Weight(p) * (useful + 1) * quantity;
            // Tied: no need falls before the last order month: in-kind and bought units all arrive on time.
            var needBy = tied ? months - 1 + random.Next(0, 3) : random.Next(0, months + 2);
            requirements.Add(new Requirement(
                $"req-{requirements.Count:D2}", Pick(random, recipients), Pick(random, items), quantity, priority,
                Month(needBy), useful));
        }

        var offers = new List<Offer>();
        // Fewer units in kind than needed where buying is the point, so that money has work to do.
        var offerCount = shape switch
        {
            Plain => random.Next(0, 16),
            InKindTiedWithBought => random.Next(2, 7),
            _ => random.Next(0, 9),
        };
        for (var i = offerCount; i > 0; i--)
            offers.Add(new Offer(
                $"off-{offers.Count:D2}", "XX", Pick(random, items),
                shape == Plain ? random.Next(1, 16) : random.Next(1, 7),
                Month(tied ? 0 : random.Next(0, months)), tied ? 0 : random.Next(0, 3),
                random.Next(3) == 0 ? CodeScope.Only(Subset(random, recipients, recipients.Length)) : CodeScope.Any,
                ""));

        var lastDeadline = requirements.Max(r => r.NeedBy.Index + r.UsefulMonths) - Start.Index;
        var options = new List<ProcurementOption>();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            var first = random.Next(0, months);
            var last = first + random.Next(0, months - first);
            var lead = shape switch
            {
                LeadsPastWindows => lastDeadline - first + 1 + random.Next(0, 3),
                InKindTiedWithBought => 0,
                _ => random.Next(0, 4),
            };
            var price = shape == PerEuroValue
                ? random.Next(3) switch
                {
                    0 => random.Next(1, 21),
                    1 => random.Next(100, 401),
                    _ => random.Next(1000, 3001),
                }
                : random.Next(1, 201);
            var capacity = shape == CapacityBinds ? random.Next(1, 4) : random.Next(5, 41);
            // Mostly what some requirement needs; now and then an item nobody does.
            var item = random.Next(4) == 0 ? Pick(random, items) : requirements[random.Next(requirements.Count)].Item;
            options.Add(new ProcurementOption(
                $"opt-{options.Count}", "SUP", item, price, Month(first), Month(last), lead, capacity));
        }

        // What buying every requirement's units at its item's dearest price would cost: the scale of the funds.
        var demandCost = requirements.Sum(r => r.Quantity * options.Where(p => p.Item == r.Item)
            .Select(p => p.UnitPriceEur).DefaultIfEmpty(0).Max());
        var lastOrder = options.Max(p => p.LastOrder.Index) - Start.Index;
        var funds = new List<Fund>();
        for (var i = shape == Plain ? random.Next(0, 5) : random.Next(1, 5); i > 0; i--)
        {
            var share = shape switch
            {
                BudgetsBind or PerEuroValue => random.Next(2, 26) / 100.0,
                InKindTiedWithBought => 2.0,
                _ => random.Next(10, 151) / 100.0,
            };
            var amount = Math.Max(1, (long)(demandCost * share / (i + funds.Count)));
            var available = shape switch
            {
                FundsAfterOptionsClose => lastOrder + 1 + random.Next(0, 3),
                BudgetsBind or PerEuroValue => random.Next(0, 2), // money early, when it can buy most
                _ => random.Next(0, months),
            };
            var (itemScope, recipientScope) = (CodeScope.Any, CodeScope.Any);
            if (earmarked)
            {
                // Each fund leaves out at least one item type or one recipient, or both.
                var which = random.Next(3);
                if (which != 1)
                    itemScope = CodeScope.Only(Subset(random, items, items.Length - 1));
                if (which != 0)
                    recipientScope = CodeScope.Only(Subset(random, recipients, recipients.Length - 1));
            }
            else
            {
                if (random.Next(4) == 0)
                    itemScope = CodeScope.Only(Subset(random, items, items.Length));
                if (random.Next(4) == 0)
                    recipientScope = CodeScope.Only(Subset(random, recipients, recipients.Length));
            }
            funds.Add(new Fund($"fund-{funds.Count}", "DN", amount, Month(available), itemScope, recipientScope));
        }
        return new Scenario(shape, [.. requirements], [.. offers], [.. funds], [.. options]);
    }

    /// <summary>
    /// In-kind offers only, in the style of the planning tests' generator: 2-6 item types, 3-12 months,
    /// 1-6 recipients, and every fourth scenario all ties (equal quantities, priorities and months).
    /// </summary>
    public static (Requirement[] Needs, Offer[] Offers) InKind(int seed)
    {
        var random = new Random(seed);
        var items = Names("item-", random.Next(2, 7));
        var months = random.Next(3, 13);
        var recipients = Names("R", random.Next(1, 7));
        var ties = seed % 4 == 3;
        var needs = Enumerable.Range(0, random.Next(5, 45)).Select(i => new Requirement(
            $"req-{i:D3}", Pick(random, recipients), Pick(random, items), ties ? 10 : random.Next(1, 200),
            ties ? 2 : random.Next(1, 6), Month(ties ? 0 : random.Next(months)), random.Next(0, 7))).ToArray();
        var offers = Enumerable.Range(0, random.Next(5, 45)).Select(i => new Offer(
            $"off-{i:D3}", "XX", Pick(random, items), ties ? 10 : random.Next(1, 200),
            Month(ties ? 0 : random.Next(months)), ties ? 0 : random.Next(0, 4),
            random.Next(3) == 0 ? CodeScope.Only(Subset(random, recipients, recipients.Length)) : CodeScope.Any,
            "")).ToArray();
        return (needs, offers);
    }

    private static string[] Names(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => $"{prefix}{i}").ToArray();

    private static string Pick(Random random, string[] from) => from[random.Next(from.Length)];

    /// <summary>A random non-empty subset of at most <paramref name="most"/> of <paramref name="from"/>.</summary>
    private static string[] Subset(Random random, string[] from, int most)
    {
        var shuffled = from.OrderBy(_ => random.Next()).ToArray();
        return shuffled[..random.Next(1, most + 1)];
    }
}
