using System.Numerics;

namespace Miner.Models.Splats;

/// <summary>
/// What <see cref="GeometryNormalizer"/> did: whether it rotated the TRELLIS frame, the centre it subtracted,
/// the scale factor it applied and the largest extent before and after.
/// </summary>
public sealed record GeometryNormalization(bool Applied, bool Rotated, Vector3 Centre, float Scale, float ExtentBefore, float ExtentAfter, string Reason);
