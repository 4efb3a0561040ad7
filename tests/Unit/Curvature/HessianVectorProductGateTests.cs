using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Model;
using GradFlow.Tests.Unit.Verification;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Curvature;

/// <summary>
/// The HVP gate: every entry of H·v from the R-operator matches the extrapolated central differences of
/// the analytical gradient along v, for every activation × architecture × Xavier scale, on three seeded
/// random directions each.
/// <para>
/// Tolerance, derived: the probes move θ by t‖v‖ = 1e-3 (Step). Truncation of the extrapolated difference
/// (a tenth and a hundredth of it for a direction whose probes cross a kink) is t⁴/480·|∂⁵g/∂t⁵| ≈ 2e-15·|L⁽⁶⁾| along the unit direction; rounding is bounded per entry by
/// 3·c·u·S_i/t (u = 2⁻⁵³, S_i the sum of the magnitudes of the terms the gradient entry adds, c = 4·(layers + 1)),
/// about 1e-12 here, and is added to each entry's tolerance (<see cref="ParameterCheck.NumericRounding"/>). On
/// top: rtol 1e-6·|numeric|, which leaves room for sixth derivatives up to ~5e8·|Hv|, and atol 1e-10, a
/// floor for entries that are zero in exact arithmetic (ReLU's dead units). A dropped term of H·v changes
/// entries by O(|Hv|) ≫ these, so the gate can fail (see HessianVectorProductFaultTests).
/// </para>
/// </summary>
[Trait("Category", "GradientCheck")]
public sealed class HessianVectorProductGateTests
{
    internal static readonly GradientCheckOptions Tolerance = new(Atol: 1e-10, Rtol: 1e-6, Step: 1e-3);
    private const int Directions = 3;

    public static TheoryData<string, string, double> Cases() => GradientGateTests.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_RandomDirections_MatchCentralDifferencesOfTheGradient(string activation, string arch, double scale)
    {
        var architecture = Architecture.Parse(arch);
        int judged = 0;
        // A ReLU net can put a pre-activation exactly on the kink (a row whose every input unit is dead gives z = b = 0):
        // every direction then crosses it, so such a model is replaced by the next seed's; at least one must be judged.
        for (int seed = 42; seed < 45 && judged == 0; seed++)
        {
            var model = Mlp.Init(architecture, ActivationRegistry.Get(activation), InitScheme.Xavier, scale, (UInt128)seed);
            var data = GradientGateTests.SmallData(architecture.Inputs, seed);
            var rng = GradFlow.Random.Generator.DefaultRng((UInt128)seed + 7);
            for (int d = 0; d < Directions; d++)
            {
                var v = new double[model.ParameterCount];
                rng.StandardNormal(v);
                // A kink-crossing direction is retried at a tenth of the step, twice: between kinks the loss is smooth.
                HessianVectorCheckReport report = null!;
                foreach (double step in (double[])[1e-3, 1e-4, 1e-5])
                {
                    report = HessianVectorCheck.Check(model, data, v, Tolerance with { Step = step, Context = $"{activation}, [{arch}], scale {scale}, seed {seed}, direction {d}, step {step}" });
                    if (!report.CrossesKink) break;
                }
                if (report.CrossesKink) continue;
                judged++;
                Assert.True(report.Passed, report.ToString());
            }
        }
        Assert.True(judged >= 1, $"every direction of seeds 42-44 crosses a kink ({activation}, [{arch}], scale {scale})");
    }
}
