namespace GradFlow.Tests.Unit.Numerics.Gemm;

internal static class Unreferenced
{
    /// <summary>
    /// Fails unless every object <paramref name="use"/> hands back (weakly) is collected once it returned:
    /// nothing it passed to the kernel is still held by the kernel. <paramref name="use"/> must not be inlined.
    /// </summary>
    public static void AfterTheCall(Func<WeakReference[]> use)
    {
        var objects = use();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.All(objects, o => Assert.False(o.IsAlive));
    }
}
