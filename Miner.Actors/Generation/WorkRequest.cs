namespace Miner.Actors.Generation;

/// <summary>
/// A GenerationActor asks the router for up to <see cref="Slots"/> tasks (demand flows up). The router answers the
/// sender with one <see cref="GenerationTask"/> per slot when it has work; it never pushes unrequested work.
/// A newer request from the same GPU replaces the older one.
/// </summary>
public sealed record WorkRequest(string Gpu, int Slots);
