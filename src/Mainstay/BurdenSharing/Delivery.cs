namespace Mainstay.BurdenSharing;

/// <summary>Units of an offer shipped to and received by a recipient.</summary>
public sealed record Delivery(
    string Id, string Offer, string Recipient, long Quantity, DateOnly DeliveredOn, string Source);

/// <summary>The yearly minimum of support the allies share, in euros, and where it was set.</summary>
public sealed record Baseline(int Year, Money.Money Amount, string Source);
