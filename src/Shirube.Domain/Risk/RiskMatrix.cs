namespace Shirube.Domain.Risk;

/// <summary>The risk levels a cell of the matrix gives, lowest first.</summary>
public enum RiskLevel
{
    /// <summary>Accept or treat when convenient.</summary>
    Low,
    /// <summary>Treat in the normal course of development.</summary>
    Medium,
    /// <summary>Treat before shipping.</summary>
    High,
    /// <summary>Do not ship untreated.</summary>
    Critical,
}

/// <summary>The two axes of the matrix.</summary>
public enum RiskAxis
{
    /// <summary>How likely the threat is to be realised.</summary>
    Likelihood,
    /// <summary>How bad it is when it is.</summary>
    Impact,
}

/// <summary>One step of an axis (1 = lowest) with its name and what it means, in English and Japanese.</summary>
public sealed class RiskScaleStep
{
    private RiskScaleStep() => NameEn = NameJa = DescriptionEn = DescriptionJa = string.Empty;

    /// <summary>The matrix.</summary>
    public Guid MatrixId { get; private set; }
    /// <summary>Likelihood or impact.</summary>
    public RiskAxis Axis { get; private set; }
    /// <summary>1 (lowest) to <see cref="RiskMatrix.Size"/>.</summary>
    public int Value { get; private set; }
    /// <summary>English name.</summary>
    public string NameEn { get; private set; }
    /// <summary>Japanese name.</summary>
    public string NameJa { get; private set; }
    /// <summary>What the step means (English).</summary>
    public string DescriptionEn { get; private set; }
    /// <summary>What the step means (Japanese).</summary>
    public string DescriptionJa { get; private set; }

    internal static RiskScaleStep Create(Guid matrixId, RiskAxis axis, int value, string nameEn, string nameJa, string descriptionEn, string descriptionJa)
    {
        var step = new RiskScaleStep { MatrixId = matrixId, Axis = axis, Value = value };
        step.Rename(nameEn, nameJa, descriptionEn, descriptionJa);
        return step;
    }

    internal void Rename(string nameEn, string nameJa, string descriptionEn, string descriptionJa)
    {
        NameEn = Guard.Text(nameEn, nameof(nameEn), 60);
        NameJa = Guard.Text(nameJa, nameof(nameJa), 60);
        DescriptionEn = Guard.Text(descriptionEn, nameof(descriptionEn), 500);
        DescriptionJa = Guard.Text(descriptionJa, nameof(descriptionJa), 500);
    }
}

/// <summary>One cell of the matrix: the level a likelihood and an impact give.</summary>
public sealed class RiskMatrixCell
{
    private RiskMatrixCell()
    {
    }

    /// <summary>The matrix.</summary>
    public Guid MatrixId { get; private set; }
    /// <summary>Likelihood step, 1 to <see cref="RiskMatrix.Size"/>.</summary>
    public int Likelihood { get; private set; }
    /// <summary>Impact step, 1 to <see cref="RiskMatrix.Size"/>.</summary>
    public int Impact { get; private set; }
    /// <summary>The risk level.</summary>
    public RiskLevel Level { get; internal set; }

    internal static RiskMatrixCell Create(Guid matrixId, int likelihood, int impact, RiskLevel level) =>
        new() { MatrixId = matrixId, Likelihood = likelihood, Impact = impact, Level = level };
}

/// <summary>
/// A cell whose level is lower than that of a neighbour with lower likelihood or lower impact: raising a threat's
/// likelihood or impact must never lower its risk.
/// </summary>
/// <param name="Likelihood">The cell's likelihood.</param>
/// <param name="Impact">The cell's impact.</param>
/// <param name="Level">The cell's level.</param>
/// <param name="LowerLikelihood">The neighbour's likelihood (one less, or the same).</param>
/// <param name="LowerImpact">The neighbour's impact (one less, or the same).</param>
/// <param name="LowerLevel">The neighbour's level, higher than <paramref name="Level"/>.</param>
public sealed record MonotonyViolation(int Likelihood, int Impact, RiskLevel Level, int LowerLikelihood, int LowerImpact, RiskLevel LowerLevel)
{
    /// <summary>The violation as an error on its cell (<see cref="RiskErrors.LowerThanNeighbour"/>).</summary>
    public DomainError Error() => RiskErrors.LowerThanNeighbour(Likelihood, Impact, Level, LowerLikelihood, LowerImpact, LowerLevel);
}

/// <summary>
/// The risk-level definitions: a 5 × 5 matrix of likelihood and impact steps, each cell giving a risk level. Five steps
/// per axis, as in most enterprise risk practice, separate the rare from the merely unlikely and the severe from the
/// major, which four steps blur; more than five cannot be told apart reliably when rating a threat.
/// </summary>
public sealed class RiskMatrix
{
    /// <summary>Steps per axis.</summary>
    public const int Size = 5;

    /// <summary>The one matrix of an installation.</summary>
    public static readonly Guid SingletonId = new("5a1e7b0e-0000-4000-8000-000000000001");

    private readonly List<RiskScaleStep> _steps = [];
    private readonly List<RiskMatrixCell> _cells = [];

    private RiskMatrix()
    {
    }

    /// <summary>Identifier (<see cref="SingletonId"/>).</summary>
    public Guid Id { get; private set; }
    /// <summary>The steps of both axes.</summary>
    public IReadOnlyList<RiskScaleStep> Steps => _steps;
    /// <summary>Every cell, <see cref="Size"/> × <see cref="Size"/>.</summary>
    public IReadOnlyList<RiskMatrixCell> Cells => _cells;

    /// <summary>The steps of one axis, lowest first.</summary>
    public IReadOnlyList<RiskScaleStep> StepsOf(RiskAxis axis) => [.. _steps.Where(s => s.Axis == axis).OrderBy(s => s.Value)];

    /// <summary>
    /// The default: likelihood rare … almost certain, impact negligible … severe, and the level from the product of the
    /// two (1–4 Low, 5–9 Medium, 10–16 High, 20–25 Critical), which is monotone by construction.
    /// </summary>
    public static RiskMatrix Default()
    {
        var m = new RiskMatrix { Id = SingletonId };
        (string En, string Ja, string DescEn, string DescJa)[] likelihood =
        [
            ("Rare", "まれ", "Only a determined attacker with insider knowledge, special equipment and much time could do it; no such attack is known.",
                "内部情報・特殊な機材・長い時間を持つ攻撃者にしか実行できず、実例も知られていない。"),
            ("Unlikely", "起こりにくい", "Needs physical access or specialist skill; attacks of this kind are seldom reported.",
                "物理的な接触か専門的な技能が必要で、同種の攻撃の報告はまれ。"),
            ("Possible", "起こりうる", "Feasible for a skilled attacker on the same network; similar attacks have been published.",
                "同じネットワーク上の熟練した攻撃者なら実行でき、類似の攻撃が公開されている。"),
            ("Likely", "起こりやすい", "Reachable from the internet with public tools; products like ours are targeted.",
                "公開ツールでインターネットから到達でき、同種の製品が狙われている。"),
            ("Almost certain", "ほぼ確実", "Automated attacks already scan for it, or it is being exploited.",
                "自動化された攻撃がすでに探索しているか、実際に悪用されている。"),
        ];
        (string En, string Ja, string DescEn, string DescJa)[] impact =
        [
            ("Negligible", "軽微", "No data exposed; the product recovers by itself; users hardly notice.",
                "データは漏れず、製品は自ら復旧し、利用者はほとんど気付かない。"),
            ("Minor", "小", "A single device misbehaves or leaks little data; fixed by a restart or an update.",
                "一台の誤動作か少量の情報漏えいで、再起動や更新で直る。"),
            ("Moderate", "中", "Personal data of some users exposed, or a service interrupted for hours.",
                "一部利用者の個人データが漏れるか、サービスが数時間止まる。"),
            ("Major", "大", "Many devices or users affected, the device is used against others, or there are legal duties to report.",
                "多数の機器・利用者に及ぶか、他者への攻撃に悪用されるか、法的な報告義務が生じる。"),
            ("Severe", "甚大", "Harm to health or safety, critical infrastructure affected, or the whole fleet compromised.",
                "健康・安全への危害、重要インフラへの影響、または全台の侵害に至る。"),
        ];
        for (var v = 1; v <= Size; v++)
        {
            var (en, ja, descEn, descJa) = likelihood[v - 1];
            m._steps.Add(RiskScaleStep.Create(m.Id, RiskAxis.Likelihood, v, en, ja, descEn, descJa));
            (en, ja, descEn, descJa) = impact[v - 1];
            m._steps.Add(RiskScaleStep.Create(m.Id, RiskAxis.Impact, v, en, ja, descEn, descJa));
        }
        for (var l = 1; l <= Size; l++)
        {
            for (var i = 1; i <= Size; i++)
            {
                var level = (l * i) switch
                {
                    <= 4 => RiskLevel.Low,
                    <= 9 => RiskLevel.Medium,
                    <= 16 => RiskLevel.High,
                    _ => RiskLevel.Critical,
                };
                m._cells.Add(RiskMatrixCell.Create(m.Id, l, i, level));
            }
        }
        return m;
    }

    /// <summary>True when <paramref name="step"/> is a step of an axis (1 to <see cref="Size"/>).</summary>
    public static bool IsStep(int step) => step is >= 1 and <= Size;

    /// <summary>The level a likelihood and an impact give.</summary>
    public RiskLevel LevelOf(int likelihood, int impact)
    {
        if (!IsStep(likelihood))
            throw new ArgumentOutOfRangeException(nameof(likelihood), likelihood, $"Likelihood is 1 to {Size}.");
        if (!IsStep(impact))
            throw new ArgumentOutOfRangeException(nameof(impact), impact, $"Impact is 1 to {Size}.");
        return _cells.First(c => c.Likelihood == likelihood && c.Impact == impact).Level;
    }

    /// <summary>
    /// The cells of a candidate matrix that are lower than a neighbour with one step less likelihood or impact (checking
    /// the neighbours suffices: every lower cell is reached through them). Empty when the matrix is monotone.
    /// </summary>
    public static IReadOnlyList<MonotonyViolation> Violations(Func<int, int, RiskLevel> levelOf)
    {
        ArgumentNullException.ThrowIfNull(levelOf);
        var violations = new List<MonotonyViolation>();
        for (var l = 1; l <= Size; l++)
        {
            for (var i = 1; i <= Size; i++)
            {
                var level = levelOf(l, i);
                if (l > 1 && levelOf(l - 1, i) > level)
                    violations.Add(new(l, i, level, l - 1, i, levelOf(l - 1, i)));
                if (i > 1 && levelOf(l, i - 1) > level)
                    violations.Add(new(l, i, level, l, i - 1, levelOf(l, i - 1)));
            }
        }
        return violations;
    }

    /// <summary>
    /// The cells that would break monotony if the levels given were set (others keeping theirs); empty when the result
    /// is monotone. A cell outside the matrix is refused (<see cref="RiskErrors.NoSuchCell"/>).
    /// </summary>
    public IReadOnlyList<MonotonyViolation> ViolationsWith(IEnumerable<(int Likelihood, int Impact, RiskLevel Level)> cells)
    {
        var next = Next(cells);
        return Violations((l, i) => next[(l, i)]);
    }

    /// <summary>
    /// Sets the levels of the cells given (others keep theirs); refused (<see cref="RiskErrors.NotMonotone"/>) when the
    /// result is not monotone: <see cref="ViolationsWith"/> names the cells beforehand.
    /// </summary>
    public void SetLevels(IEnumerable<(int Likelihood, int Impact, RiskLevel Level)> cells)
    {
        var next = Next(cells);
        var violations = Violations((l, i) => next[(l, i)]);
        Guard.That(violations.Count == 0, () => RiskErrors.NotMonotone(violations.Count));
        foreach (var cell in _cells)
            cell.Level = next[(cell.Likelihood, cell.Impact)];
    }

    private Dictionary<(int, int), RiskLevel> Next(IEnumerable<(int Likelihood, int Impact, RiskLevel Level)> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var next = _cells.ToDictionary(c => (c.Likelihood, c.Impact), c => c.Level);
        foreach (var (l, i, level) in cells)
        {
            Guard.That(IsStep(l) && IsStep(i), () => RiskErrors.NoSuchCell(l, i));
            next[(l, i)] = Guard.Defined(level, "cells");
        }
        return next;
    }

    /// <summary>Renames a step and changes its description; a step outside the axis is refused (<see cref="RiskErrors.NoSuchStep"/>).</summary>
    public void RenameStep(RiskAxis axis, int value, string nameEn, string nameJa, string descriptionEn, string descriptionJa)
    {
        var step = _steps.FirstOrDefault(s => s.Axis == axis && s.Value == value) ?? throw RiskErrors.NoSuchStep(axis, value).Exception();
        step.Rename(nameEn, nameJa, descriptionEn, descriptionJa);
    }
}
