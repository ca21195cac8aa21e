namespace Mainstay.Ledger;

/// <summary>The side of a row a nation stands on: the donor that gives, or the recipient that receives.</summary>
public enum NationSide
{
    Donor,
    Recipient,
}
