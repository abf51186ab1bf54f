using System.ComponentModel.DataAnnotations;

namespace Cotravail.Web.Features.Newcomers.Manage;

public sealed class NoteInput
{
    [Display(Name = "Note interne")]
    [Required(ErrorMessage = "Écrivez la note.")]
    [StringLength(2000, ErrorMessage = "La note fait au plus 2000 caractères.")]
    public string? Text { get; set; }
}

public sealed class MailInput
{
    [Display(Name = "Objet")]
    [Required(ErrorMessage = "L'objet est obligatoire.")]
    [StringLength(150, ErrorMessage = "L'objet fait au plus 150 caractères.")]
    public string? Subject { get; set; }

    [Display(Name = "Message")]
    [Required(ErrorMessage = "Écrivez le message.")]
    [StringLength(4000, ErrorMessage = "Le message fait au plus 4000 caractères.")]
    public string? Body { get; set; }
}
