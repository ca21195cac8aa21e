using Mainstay.Ledger;
using Mainstay.Planning;
using Mainstay.Procurement;

namespace Mainstay.Data.Planning;

/// <summary>
/// Keeps <see cref="CurrentPlan"/> current as the ledger's rows change: rows changed in place are
/// re-planned from the last optimum (<see cref="PlanSession"/>, a warm start where only quantities
/// changed); added or removed rows start a new session. Where funds may buy, the joint plan is made
/// afresh (<see cref="JointPlanner"/>). Not thread-safe: one caller updates it.
/// </summary>
public sealed class CurrentPlanKeeper(TimeProvider clock, int? maxParallelism = null)
{
    /// <summary>How long the joint search of one update may take before its best plan is used.</summary>
    public static readonly TimeSpan JointTimeLimit = TimeSpan.FromSeconds(60);

    private PlanSession? _session;
    private Dictionary<string, Requirement> _requirements = new(StringComparer.Ordinal);
    private Dictionary<string, Offer> _offers = new(StringComparer.Ordinal);

    /// <summary>
    /// How many updates re-planned from the last optimum rather than from scratch (for tests and benchmarks).
    /// </summary>
    public int WarmUpdates { get; private set; }

    /// <summary>
    /// The plan of <paramref name="requirements"/> and <paramref name="offers"/>, the ledger's rows at
    /// <paramref name="auditSeq"/>.
    /// </summary>
    public CurrentPlan Update(
        IReadOnlyList<Requirement> requirements, IReadOnlyList<Offer> offers, long auditSeq,
        IReadOnlyList<Fund>? funds = null, IReadOnlyList<ProcurementOption>? options = null)
    {
        if (funds is { Count: > 0 } && options is { Count: > 0 })
        {
            _session = null;
            var joint = JointPlanner.Solve(requirements, offers, funds, options, JointTimeLimit, maxParallelism);
            return new CurrentPlan(joint, requirements, offers, auditSeq, clock.GetUtcNow())
            {
                Funds = funds, Options = options,
            };
        }
        var requirementsById = ById(requirements, r => r.Id);
        var offersById = ById(offers, o => o.Id);
        if (_session is null || !SameKeys(_requirements, requirementsById) || !SameKeys(_offers, offersById))
        {
            _session = new PlanSession(requirements, offers, maxParallelism);
        }
        else
        {
            var changedRequirements = requirements.Where(r => !_requirements[r.Id].Equals(r)).ToArray();
            var changedOffers = offers.Where(o => !_offers[o.Id].Equals(o)).ToArray();
            if (changedRequirements.Length + changedOffers.Length > 0)
            {
                try
                {
                    _session.Change(changedRequirements, changedOffers);
                    WarmUpdates++;
                }
                catch (ArgumentException)
                {
                    // The session refused the change as it stands: plan the rows afresh instead.
                    _session = new PlanSession(requirements, offers, maxParallelism);
                }
            }
        }
        (_requirements, _offers) = (requirementsById, offersById);
        // Funds without options (or options without funds) buy nothing, yet the plan still names them.
        return new CurrentPlan(_session.Plan, requirements, offers, auditSeq, clock.GetUtcNow())
        {
            Funds = funds ?? [], Options = options ?? [],
        };
    }

    private static Dictionary<string, T> ById<T>(IReadOnlyList<T> rows, Func<T, string> id)
    {
        var byId = new Dictionary<string, T>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
            byId[id(row)] = row;
        return byId;
    }

    private static bool SameKeys<T>(Dictionary<string, T> before, Dictionary<string, T> now) =>
        before.Count == now.Count && now.Keys.All(before.ContainsKey);
}
