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

    static void IActivationFunction<TSelf>.Apply(ReadOnlySpan<double> z, Span<double> a, Span<double> dphi) =>
        VectorActivation.Apply<TSelf>(z, a, dphi);
}
