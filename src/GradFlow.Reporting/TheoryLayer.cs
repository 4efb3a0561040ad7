using GradFlow.Experiments;

namespace GradFlow.Reporting;

/// <summary>
/// One setting's hidden layer in the report's theory section: the data-aware prediction of
/// ‖δ^l‖/‖δ^last hidden‖ at initialisation, and the geometric mean over seeds of the measured one at
/// epoch 0 and at the last logged epoch (NaN where no seed has a finite value).
/// </summary>
internal sealed record TheoryLayer(SettingKey Setting, int Layer, double Predicted, double MeasuredFirst, double MeasuredLast, int FirstEpoch, int LastEpoch);
