using Mainstay.Money;

namespace Mainstay.Ledger;

public enum NationRole
{
    /// <summary>A member of the alliance: counted in burden sharing.</summary>
    Ally,
    /// <summary>A donor outside the alliance.</summary>
    Partner,
    /// <summary>A country receiving support.</summary>
    Recipient,
}

/// <summary>A donor or recipient, by its ISO 3166-1 alpha-2 code.</summary>
public sealed record Nation(string Code, string Name, NationRole Role, Currency Currency);

/// <summary>A nation's gross domestic product for one year, as published by <see cref="Source"/>.</summary>
public sealed record GdpFigure(string Nation, int Year, Money.Money Amount, string Source);
