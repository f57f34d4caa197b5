namespace Miner.Models.Configuration.Hocon;

public enum HoconScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}
