using System.Runtime.Intrinsics;

namespace GradFlow.Activations;

/// <summary>
/// An activation with a four-lane kernel (and an eight-lane one, by default its four-lane kernel twice): <see cref="Evaluate(Vector256{double}, out Vector256{double})"/>
/// gives, lane by lane, exactly the bits of the scalar <see cref="IActivationFunction{TSelf}.Evaluate"/>,
/// so <see cref="VectorActivation.Apply{TFunction}"/> may use either on any element.
/// </summary>
public interface IVectorActivationFunction<TSelf> : IActivationFunction<TSelf> where TSelf : IVectorActivationFunction<TSelf>
{
    /// <summary>φ and φ′ of four values at once, each lane bit-identical to the scalar Evaluate.</summary>
    static abstract Vector256<double> Evaluate(Vector256<double> z, out Vector256<double> derivative);

    /// <summary>The limit predicate of four (z, φ(z)) pairs as a lane mask (all bits set where it holds), lane by lane the scalar IsInLimitAt.</summary>
    static abstract Vector256<double> IsInLimitAt(Vector256<double> z, Vector256<double> phi);

    /// <summary>
    /// Whether the operator has an eight-lane kernel of its own; only then does the driver take eight lanes at a
    /// time (the default pair of four-lane calls gives the same bits but runs slower than the four-lane loop).
    /// </summary>
    static virtual bool HasEightLaneKernel => false;

    /// <summary>
    /// φ and φ′ of eight values at once, each lane bit-identical to the scalar Evaluate. By default the
    /// four-lane kernel on each half (so the same bits by construction); an operator overrides it with an
    /// eight-lane kernel of the same operations (and sets <see cref="HasEightLaneKernel"/>).
    /// </summary>
    static virtual Vector512<double> Evaluate(Vector512<double> z, out Vector512<double> derivative)
    {
        var lower = TSelf.Evaluate(z.GetLower(), out var dLower);
        var upper = TSelf.Evaluate(z.GetUpper(), out var dUpper);
        derivative = Vector512.Create(dLower, dUpper);
        return Vector512.Create(lower, upper);
    }

    /// <summary>The limit predicate of eight pairs as a lane mask; by default the four-lane one on each half.</summary>
    static virtual Vector512<double> IsInLimitAt(Vector512<double> z, Vector512<double> phi) =>
        Vector512.Create(TSelf.IsInLimitAt(z.GetLower(), phi.GetLower()), TSelf.IsInLimitAt(z.GetUpper(), phi.GetUpper()));

    static void IActivationFunction<TSelf>.Apply(ReadOnlySpan<double> z, Span<double> a, Span<double> dphi) =>
        VectorActivation.Apply<TSelf>(z, a, dphi);

    static int IActivationFunction<TSelf>.CountInLimit(ReadOnlySpan<double> z, ReadOnlySpan<double> phi) =>
        VectorActivation.CountInLimit<TSelf>(z, phi);
}
