using Mainstay.Ledger;
using Mainstay.Money;

namespace Mainstay.Reports;

/// <summary>Pledged euros of one year, split by the donors' role.</summary>
public sealed record PledgeYear(int Year, long AlliesEur, long PartnersEur, int Donors);

/// <summary>Units and reference value needed and offered in one capability area.</summary>
public sealed record CapabilityBalance(
    CapabilityArea Area, int Requirements, long UnitsNeeded, long NeededEur, int Offers, long UnitsOffered,
    long OfferedEur);

/// <summary>A first look at a ledger: pledges by year in EUR, needs against offers by capability area.</summary>
public sealed record LedgerOverview(
    IReadOnlyList<PledgeYear> PledgesByYear,
    IReadOnlyList<(string Donor, long Eur)> LargestDonors,
    IReadOnlyList<CapabilityBalance> Capabilities,
    int RestrictedOffers,
    IReadOnlyList<string> Unconverted)
{
    /// <summary>
    /// Values each pledge year at the ECB rate of its value date: the disbursement date if
    /// disbursed, else the commitment date, else the announcement date.
    /// </summary>
    public static LedgerOverview Compute(LedgerSnapshot ledger)
    {
        var converter = new EuroConverter(ledger.Rates);
        var roles = ledger.Nations.ToDictionary(n => n.Code, n => n.Role, StringComparer.Ordinal);
        var unconverted = new List<string>();
        var valued = new List<(PledgeTranche Tranche, long Eur)>();
        foreach (var tranche in ledger.Pledges.SelectMany(p => p.Tranches))
        {
            var eur = converter.ToEur(tranche.Amount, tranche.ValueDate);
            if (eur.IsOk)
                valued.Add((tranche, eur.Value.Eur.Minor));
            else
                unconverted.Add($"{tranche.PledgeId}/{tranche.Year}: {eur.Problem.Message}");
        }
        var byYear = valued.GroupBy(v => v.Tranche.Year).OrderBy(g => g.Key)
            .Select(g => new PledgeYear(g.Key,
                g.Where(v => roles.GetValueOrDefault(v.Tranche.Donor) == NationRole.Ally).Sum(v => v.Eur),
                g.Where(v => roles.GetValueOrDefault(v.Tranche.Donor) != NationRole.Ally).Sum(v => v.Eur),
                g.Select(v => v.Tranche.Donor).Distinct(StringComparer.Ordinal).Count()))
            .ToArray();
        var largest = valued.GroupBy(v => v.Tranche.Donor, StringComparer.Ordinal)
            .Select(g => (Donor: g.Key, Eur: g.Sum(v => v.Eur)))
            .OrderByDescending(d => d.Eur).ThenBy(d => d.Donor, StringComparer.Ordinal).Take(5).ToArray();

        var items = ledger.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var capabilities = Enum.GetValues<CapabilityArea>().Select(area =>
        {
            var needs = ledger.Requirements.Where(
                r => items.TryGetValue(r.Item, out var i) && i.Capability == area).ToArray();
            var offers = ledger.Offers.Where(
                o => items.TryGetValue(o.Item, out var i) && i.Capability == area).ToArray();
            return new CapabilityBalance(area,
                needs.Length, needs.Sum(r => r.Quantity), needs.Sum(r => r.Quantity * items[r.Item].UnitValueEur.Minor),
                offers.Length, offers.Sum(o => o.Quantity),
                offers.Sum(o => o.Quantity * items[o.Item].UnitValueEur.Minor));
        }).Where(c => c.Requirements + c.Offers > 0).ToArray();

        return new LedgerOverview(
            byYear, largest, capabilities, ledger.Offers.Count(o => !o.Recipients.IsAny), unconverted);
    }
}
