using System.ComponentModel.DataAnnotations;

namespace Cotravail.Web.Features.Entrepreneurs;

public sealed class MessageInput
{
    [Display(Name = "Objet")]
    [Required(ErrorMessage = "L'objet est obligatoire.")]
    [StringLength(160, ErrorMessage = "L'objet fait au plus 160 caractères.")]
    public string? Subject { get; set; }

    [Display(Name = "Message")]
    [Required(ErrorMessage = "Le message est vide.")]
    [StringLength(4000, ErrorMessage = "Le message fait au plus 4000 caractères.")]
    public string? Body { get; set; }
}

public sealed class ReplyInput
{
    [Display(Name = "Votre réponse")]
    [Required(ErrorMessage = "Le message est vide.")]
    [StringLength(4000, ErrorMessage = "Le message fait au plus 4000 caractères.")]
    public string? Body { get; set; }
}
