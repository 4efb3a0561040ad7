namespace GradFlow.Model;

/// <summary>Weight initialisation: W ~ N(0, std²) with std from the layer's fans and a scale s; biases 0.</summary>
public enum InitScheme
{
    /// <summary>Glorot &amp; Bengio (2010), normal: std = s·√(2 / (fan_in + fan_out)).</summary>
    Xavier,
    /// <summary>He et al. (2015): std = s·√(2 / fan_in).</summary>
    He,
    /// <summary>LeCun (1998): std = s·√(1 / fan_in).</summary>
    Lecun,
    /// <summary>The first study's N(0, 0.1²): std = 0.1·s.</summary>
    Gaussian,
}
