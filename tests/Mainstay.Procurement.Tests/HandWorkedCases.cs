using System.Numerics;
using Mainstay.Ledger;

namespace Mainstay.Procurement.Tests;

/// <summary>A scenario small enough to solve by hand, with its two optimal values.</summary>
internal sealed record HandWorked(Scenario Scenario, BigInteger Objective, long SpentEur);

/// <summary>
/// Scenarios whose answers are worked out by hand in the comments. Months count from January 2025
/// (0 = Jan, 1 = Feb, ...); benefit per unit is weight × (useful months + 1 - months late), weight 10^(5-priority).
/// </summary>
internal static class HandWorkedCases
{
    public static readonly IReadOnlyDictionary<string, HandWorked> All = new Dictionary<string, HandWorked>
    {
        // Fund EUR 2,500. A drone (priority 1: 10,000 per unit) costs 2,000: 5 per euro. A shell (priority 3:
        // 100 per unit) costs 10: 10 per euro. One drone leaves 500 for 50 shells: 10,000 + 5,000 = 15,000.
        // No drone buys all 200 shells for 2,000: 20,000, and 500 stays in the fund.
        ["per-euro value decides between two requirements"] = new(
            Case(
                [Need("drones", "UA", "drone", 1, 1, 0, 0), Need("shells", "UA", "shell", 200, 3, 0, 0)],
                [],
                [Funding("fund", 2_500, 0)],
                [Sell("drone-us", "drone", 2_000, 0, 0, 0, 10), Sell("shell-cz", "shell", 10, 0, 0, 0, 500)]),
            20_000, 2_000),

        // 10 shells needed by March (priority 3, 100 per unit, any arrival up to March is on time). 6 come in
        // kind in January; bought ones (EUR 7, no lead) are worth the same 100. Objective 10 × 100 = 1,000
        // either way; the least spending buys only the 4 that in-kind cannot give: 4 × 7 = 28.
        ["in-kind units win a tie with bought ones"] = new(
            Case(
                [Need("shells", "UA", "shell", 10, 3, 2, 0)],
                [Give("de", "shell", 6, 0, 0)],
                [Funding("fund", 1_000, 0)],
                [Sell("shell-cz", "shell", 7, 0, 2, 0, 100)]),
            1_000, 28),

        // Orders close in March; the fund's money comes in April: nothing can be bought. The 3 shells in
        // kind arrive on time: 3 × 100 × (6 + 1) = 2,100.
        ["a fund available after the option closes buys nothing"] = new(
            Case(
                [Need("shells", "UA", "shell", 10, 3, 0, 6)],
                [Give("de", "shell", 3, 0, 0)],
                [Funding("fund", 1_000, 3)],
                [Sell("shell-cz", "shell", 5, 0, 2, 0, 100)]),
            2_100, 0),

        // One fund may buy only drones, the other only for MD: the shells for UA cannot be bought; the
        // 5 for MD are, by the second fund: 5 × 100 = 500 for 5 × 10 = 50.
        ["earmarks exclude items and recipients"] = new(
            Case(
                [Need("ua", "UA", "shell", 5, 3, 0, 0), Need("md", "MD", "shell", 5, 3, 0, 0)],
                [],
                [
                    Funding("drones-only", 1_000, 0, items: CodeScope.Only(["drone"])),
                    Funding("md-only", 1_000, 0, recipients: CodeScope.Only(["MD"])),
                ],
                [Sell("shell-cz", "shell", 10, 0, 0, 0, 100)]),
            500, 50),

        // 10 shells of priority 2 needed in January, useful for 2 more months; 4 can be ordered a month.
        // January's arrive on time (1,000 × 3), February's 1 month late (× 2), March's 2 (× 1):
        // 4 × 3,000 + 4 × 2,000 + 2 × 1,000 = 22,000, for 10 × 5 = 50.
        ["monthly capacity binds and later months are worth less"] = new(
            Case(
                [Need("shells", "UA", "shell", 10, 2, 0, 2)],
                [],
                [Funding("fund", 1_000, 0)],
                [Sell("shell-cz", "shell", 5, 0, 2, 0, 4)]),
            22_000, 50),

        // Two options of equal benefit (100 per unit): the cheap one's 3 units a month first, then 2 dear ones:
        // objective 500, spending 3 × 10 + 2 × 20 = 70.
        ["the cheaper of two equal options is bought first"] = new(
            Case(
                [Need("shells", "UA", "shell", 5, 3, 0, 0)],
                [],
                [Funding("fund", 1_000, 0)],
                [Sell("cheap", "shell", 10, 0, 0, 0, 3), Sell("dear", "shell", 20, 0, 0, 0, 10)]),
            500, 70),

        // The need's window ends in March (January + 2); every order arrives 3 months after it is placed,
        // April at the earliest: nothing is bought. 2 units in kind arrive in February, a month late:
        // 2 × 10,000 × (2 + 1 - 1) = 40,000.
        ["lead times past the window buy nothing"] = new(
            Case(
                [Need("shells", "UA", "shell", 5, 1, 0, 2)],
                [Give("de", "shell", 2, 0, 1)],
                [Funding("fund", 100_000, 0)],
                [Sell("slow", "shell", 1, 0, 5, 3, 100)]),
            40_000, 0),

        // 4 units of priority 2, useful 3 months: a fast unit (EUR 100, on time) is worth 4,000, a slow one
        // (EUR 10, a month late) 3,000; EUR 250. f fast + s slow: f + s <= 4, 100 f + 10 s <= 250, so f <= 2.
        // f = 2, s = 2: 8,000 + 6,000 = 14,000 for 220; f = 1, s = 3: 13,000; f = 0: 12,000. So 14,000 for 220.
        ["the objective comes before the price"] = new(
            Case(
                [Need("shells", "UA", "shell", 4, 2, 0, 3)],
                [],
                [Funding("fund", 250, 0)],
                [Sell("fast", "shell", 100, 0, 0, 0, 10), Sell("slow", "shell", 10, 0, 0, 1, 10)]),
            14_000, 220),
    };

    public static Scenario Case(
        Requirement[] requirements, Offer[] offers, Fund[] funds, ProcurementOption[] options) =>
        new("hand-worked", requirements, offers, funds, options);

    public static Requirement Need(
        string id, string recipient, string item, long quantity, int priority, int needBy, int useful) =>
        new(id, recipient, item, quantity, priority, Scenarios.Month(needBy), useful);

    public static Offer Give(string id, string item, long quantity, int available, int transit) =>
        new(id, "DE", item, quantity, Scenarios.Month(available), transit, CodeScope.Any, "");

    public static Fund Funding(
        string id, long amount, int available, CodeScope? items = null, CodeScope? recipients = null) =>
        new(id, "NL", amount, Scenarios.Month(available), items ?? CodeScope.Any, recipients ?? CodeScope.Any);

    public static ProcurementOption Sell(
        string id, string item, long price, int firstOrder, int lastOrder, int lead, long capacity) =>
        new(id, "US", item, price, Scenarios.Month(firstOrder), Scenarios.Month(lastOrder), lead, capacity);
}
