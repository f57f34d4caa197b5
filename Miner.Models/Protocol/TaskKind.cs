namespace Miner.Models.Protocol;

/// <summary>What a 404 task asks for: JSON <c>"type": "text"</c> or <c>"type": "image"</c>.</summary>
public enum TaskKind
{
    Text,
    Image,
}
