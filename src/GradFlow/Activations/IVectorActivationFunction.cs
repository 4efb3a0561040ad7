using System.Runtime.Intrinsics;

namespace GradFlow.Activations;

/// <summary>
/// An activation with a four-lane kernel: <see cref="Evaluate(Vector256{double}, out Vector256{double})"/>
/// gives, lane by lane, exactly the bits of the scalar <see cref="IActivationFunction{TSelf}.Evaluate"/>,
/// so <see cref="VectorActivation.Apply{TFunction}"/> may use either on any element.
/// </summary>
public interface IVectorActivationFunction<TSelf> : IActivationFunction<TSelf> where TSelf : IVectorActivationFunction<TSelf>
{
    /// <summary>φ and φ′ of four values at once, each lane bit-identical to the scalar Evaluate.</summary>
    static abstract Vector256<double> Evaluate(Vector256<double> z, out Vector256<double> derivative);

    /// <summary>The limit predicate of four (z, φ(z)) pairs as a lane mask (all bits set where it holds), lane by lane the scalar IsInLimitAt.</summary>
    static abstract Vector256<double> IsInLimitAt(Vector256<double> z, Vector256<double> phi);

    static void IActivationFunction<TSelf>.Apply(ReadOnlySpan<double> z, Span<double> a, Span<double> dphi) =>
        VectorActivation.Apply<TSelf>(z, a, dphi);

    static int IActivationFunction<TSelf>.CountInLimit(ReadOnlySpan<double> z, ReadOnlySpan<double> phi) =>
        VectorActivation.CountInLimit<TSelf>(z, phi);
}
