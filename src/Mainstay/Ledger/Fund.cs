using Mainstay.Time;

namespace Mainstay.Ledger;

/// <summary>
/// Money a donor has committed for purchases (<c>spec/procurement.md</c>): up to <see cref="AmountEur"/>
/// whole euros, for orders placed from <see cref="Available"/> on, of the item types <see cref="Items"/>
/// allows, for the recipients <see cref="Recipients"/> allows. It may be drawn from a pledge
/// (<see cref="Pledge"/>, its id), whose euros burden sharing then counts once. Like an offer, a fund is
/// its donor's confidential business until <see cref="Released"/>.
/// </summary>
public sealed record Fund(
    string Id, string Donor, long AmountEur, YearMonth Available, CodeScope Items, CodeScope Recipients,
    string Pledge = "", bool Released = false)
{
    public const long MaxAmountEur = 1_000_000_000_000;
}
