using System.Globalization;
using Mainstay.Data.Storage;
using Mainstay.Ledger;
using Mainstay.Reports;

namespace Mainstay.Cli.Commands;

/// <summary>Prints a <see cref="LedgerOverview"/> for a person at a terminal.</summary>
public static class DemoSummary
{
    public static async Task WriteAsync(LedgerDatabase db, TextWriter output, CancellationToken cancel)
    {
        var ledger = await LedgerReader.LoadAsync(db, cancel);
        var overview = LedgerOverview.Compute(ledger);
        var roles = ledger.Nations.GroupBy(n => n.Role).ToDictionary(g => g.Key, g => g.Count());
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{roles.GetValueOrDefault(NationRole.Ally)} allies, "
            + $"{roles.GetValueOrDefault(NationRole.Partner)} partner donors, recipients "
            + $"{string.Join(", ", ledger.Nations.Where(n => n.Role == NationRole.Recipient).Select(n => n.Code))}; "
            + $"{ledger.Coalitions.Count} capability coalitions");
        await output.WriteLineAsync();
        await output.WriteLineAsync("Pledges by year, EUR at the ECB rate of each value date:");
        foreach (var year in overview.PledgesByYear)
            await output.WriteLineAsync($"  {year.Year}  allies {Billions(year.AlliesEur)}  partners "
                + $"{Billions(year.PartnersEur)}  ({year.Donors} donors)");
        await output.WriteLineAsync(
            "Largest donors over all years: "
                + string.Join(", ", overview.LargestDonors.Select(d => $"{d.Donor} {Billions(d.Eur)}")));
        await output.WriteLineAsync();
        await output.WriteLineAsync("Needs and offers by capability area (units; reference value in EUR):");
        await output.WriteLineAsync($"  {"area",-28} {"reqs",5} {"units needed",13} "
            + $"{"value",10}   {"offers",6} {"units offered",13} {"value",10}");
        foreach (var c in overview.Capabilities)
            await output.WriteLineAsync($"  {c.Area.Code(),-28} {c.Requirements,5} {c.UnitsNeeded,13:N0} "
                + $"{Billions(c.NeededEur),10}   {c.Offers,6} {c.UnitsOffered,13:N0} {Billions(c.OfferedEur),10}");
        await output.WriteLineAsync($"{overview.RestrictedOffers} of {ledger.Offers.Count} offers restrict their "
            + "recipients (e.g. air defence deployable only within NATO territory).");
        foreach (var line in overview.Unconverted)
            await output.WriteLineAsync($"  not valued: {line}");
    }

    private static string Billions(long eurMinor) =>
        string.Create(CultureInfo.InvariantCulture, $"€{eurMinor / 100m / 1_000_000_000m:N2} bn");
}
