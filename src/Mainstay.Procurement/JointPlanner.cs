using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Google.OrTools.Sat;
using Mainstay.Ledger;
using Mainstay.Planning;

namespace Mainstay.Procurement;

/// <summary>
/// The optimal plan of <c>spec/procurement.md</c>: offers in kind and purchases together, the objective
/// maximised, then euros spent minimised, both proven by CP-SAT, which computes in exact 64-bit
/// integers. Item types no purchase can reach are planned by the network simplex, as without funds;
/// without an eligible purchase the plan is exactly the planning contract's.
/// </summary>
public static class JointPlanner
{
    public static Plan Solve(
        IReadOnlyList<Requirement> requirements, IReadOnlyList<Offer> offers, IReadOnlyList<Fund> funds,
        IReadOnlyList<ProcurementOption> options, TimeSpan timeLimit, int? maxParallelism = null)
    {
        var input = JointInput.Index(requirements, offers, funds, options);
        if (input.Lanes.Length == 0)
            return Planner.Solve(requirements, offers, maxParallelism) with { Funds = FundUses(funds) };

        var clock = Stopwatch.StartNew();
        var inKindOnly = Planner.Solve(
            requirements.Where(r => !input.BoughtItems.Contains(r.Item)).ToArray(),
            offers.Where(o => !input.BoughtItems.Contains(o.Item)).ToArray(), maxParallelism);
        var model = JointModel.Build(input);
        if (model.ObjectiveCeiling > long.MaxValue)
            throw new NotSupportedException(
                "the scenario's purchasable needs are too large for the exact integer program: their objective " +
                "could exceed 64-bit integers");
        var search = new LexicographicSearch(model, timeLimit - clock.Elapsed, maxParallelism);
        if (!search.Found)
        {
            // Stopped before any solution: planning in kind alone is always feasible.
            var fallback = Planner.Solve(requirements, offers, maxParallelism);
            return fallback with
            {
                Funds = FundUses(funds), Optimal = false,
                Bound = BigInteger.Max(fallback.Objective, inKindOnly.Objective + (BigInteger)model.ObjectiveCeiling),
            };
        }
        var (allocations, purchases) = JointSolution.Decompose(input, model, search.Value);

        var plan = Plan.Joint(requirements, inKindOnly.Allocations.Concat(allocations), funds, purchases);
        var violations = PlanCheck.Violations(plan);
        if (violations.Count > 0)
            throw new InvalidOperationException($"the joint plan is infeasible: {violations[0]}");
        var modelled = inKindOnly.Objective + search.Objective;
        if (plan.Objective < modelled || plan.SpentEur != search.Spend)
            throw new InvalidOperationException(
                $"the joint plan's figures ({plan.Objective}, EUR {plan.SpentEur}) differ from the solver's " +
                $"({modelled}, EUR {search.Spend})");
        return plan with
        {
            Optimal = search.Optimal,
            Bound = search.Optimal ? null : BigInteger.Max(plan.Objective, inKindOnly.Objective + search.Bound),
        };
    }

    private static FundUse[] FundUses(IReadOnlyList<Fund> funds) =>
        funds.OrderBy(f => f.Id, StringComparer.Ordinal).Select(f => new FundUse(f, 0)).ToArray();

    /// <summary>
    /// Maximises the objective, then, holding it, minimises the spend, within one time limit. Values
    /// are read as the solver's integers; its floating-point objective is never used.
    /// </summary>
    private sealed class LexicographicSearch
    {
        private readonly Dictionary<int, long> _values = [];

        public LexicographicSearch(JointModel model, TimeSpan timeLimit, int? maxParallelism)
        {
            var clock = Stopwatch.StartNew();
            var all = AllVariables(model);
            model.Model.Maximize(model.Objective);
            var (first, status) = Run(model.Model, timeLimit, maxParallelism);
            if (status == CpSolverStatus.Unknown)
                return;
            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
                throw new InvalidOperationException($"the solver found no plan: {status}");
            Found = true;
            Remember(first, all);
            Objective = first.Value(model.Objective);
            Spend = first.Value(model.Spend);
            // Maximising is minimising the negated objective: CP-SAT's integer bound is on that.
            Bound = -first.Response!.InnerObjectiveLowerBound;
            Optimal = status == CpSolverStatus.Optimal;
            if (!Optimal)
                return;

            model.Model.Add(model.Objective >= Objective);
            model.Model.Minimize(model.Spend);
            model.Model.ClearHints();
            foreach (var variable in all)
                model.Model.AddHint(variable, _values[variable.Index]);
            var (second, secondStatus) = Run(model.Model, timeLimit - clock.Elapsed, maxParallelism);
            if (secondStatus is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                Remember(second, all);
                Spend = second.Value(model.Spend);
            }
            Optimal = secondStatus == CpSolverStatus.Optimal;
        }

        /// <summary>Whether the search found any solution before its time limit.</summary>
        public bool Found { get; }

        public long Objective { get; }
        public long Spend { get; }
        public long Bound { get; }
        public bool Optimal { get; }

        public long Value(IntVar variable) => _values[variable.Index];

        private static List<IntVar> AllVariables(JointModel model) =>
        [
            .. model.Draws.Select(d => d.Units), .. model.Arcs.Select(a => a.Units),
            .. model.Orders.SelectMany(o => o.Ordered.Concat(o.Paid)),
        ];

        private void Remember(CpSolver solver, List<IntVar> variables)
        {
            foreach (var variable in variables)
                _values[variable.Index] = solver.Value(variable);
        }

        private static (CpSolver Solver, CpSolverStatus Status) Run(
            CpModel model, TimeSpan timeLimit, int? maxParallelism)
        {
            var workers = Math.Max(1, maxParallelism ?? Environment.ProcessorCount);
            var seconds = Math.Max(0.01, timeLimit.TotalSeconds);
            var solver = new CpSolver
            {
                // interleave_search makes the search deterministic whatever the number of workers; in batches
                // of one task, no worker waits for the others' (on the demo ledger: 3.7 s instead of 33 s).
                StringParameters = string.Create(
                    CultureInfo.InvariantCulture,
                    $"max_time_in_seconds:{seconds:0.###} num_workers:{workers} interleave_search:true ")
                    + "interleave_batch_size:1",
            };
            return (solver, solver.Solve(model));
        }
    }
}
