namespace Miner.Host.Configuration;

/// <summary>An options type and the section it binds from (dotted as written, e.g. <c>validators</c>; empty for the root).</summary>
public sealed record RegisteredOptions(string SectionPath, Type OptionsType);
