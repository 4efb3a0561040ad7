using GradFlow.Model;

namespace GradFlow.Verification;

/// <summary>Whether a perturbed pass moved any hidden pre-activation across a kink of φ, for the finite-difference checks.</summary>
internal static class KinkCrossing
{
    /// <summary>A kink k is crossed when a hidden z and its unperturbed value lie on different sides of k (or on it).</summary>
    public static bool Any(BatchPass pass, double[][] baseZ, IReadOnlyList<double> kinks)
    {
        if (kinks.Count == 0) return false;
        for (int l = 0; l < baseZ.Length; l++)
        {
            var z = pass.PreActivation(l);
            var z0 = baseZ[l];
            for (int i = 0; i < z.Length; i++)
                foreach (double k in kinks)
                    if ((z[i] - k) * (z0[i] - k) <= 0 && z[i] != z0[i]) return true;
        }
        return false;
    }
}
