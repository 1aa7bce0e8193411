//! Article texts written for these tests, in the style of 2016 wire coverage
//! of the Syrian ceasefire (AFP and RT France in French, Reuters in English).
//! They are invented; names of public figures and places are real.

/// An AFP-style dispatch: title line, dateline, short paragraphs, and two
/// lines of site boilerplate ("Lire aussi", "Suivez … sur Telegram").
pub const AFP_ALEP: &str = "\
Syrie : l'armée bombarde Alep, Moscou accuse les rebelles de saboter la trêve

BEYROUTH, 20 septembre 2016 (AFP) - L'armée syrienne a bombardé mardi des quartiers rebelles d'Alep, dans le nord du pays, au lendemain de la fin de la trêve, selon l'Observatoire syrien des droits de l'homme (OSDH).

Selon l'ONG, au moins douze civils ont été tués dans ces raids, dont trois enfants.

Lire aussi : Syrie, les convois humanitaires bloqués à la frontière turque

Le secrétaire d'Etat américain John Kerry a appelé la Russie à faire pression sur le régime de Bachar al-Assad.

Moscou a de son côté accusé les rebelles d'avoir violé la trêve à plus de 300 reprises.

Suivez l'AFP sur Telegram pour ne rien manquer de l'actualité.
";

/// A Reuters-style English dispatch.
pub const REUTERS_ALEPPO: &str = "\
Syrian army launches offensive on Aleppo as truce collapses

BEIRUT (Reuters) - The Syrian army launched an offensive against rebel-held eastern Aleppo on Thursday, a week after a ceasefire brokered by Washington and Moscow took effect.

Secretary of State John Kerry accused Russia of failing to restrain the Syrian government, and Moscow rejected the accusation.

Russia and the United States agreed in Geneva on Sept. 9 on a plan to restore the truce.
";

/// An RT France-style web page: cookie banner, navigation, "Lire aussi",
/// a Telegram call to action, share buttons and a footer around the article.
pub const RT_PAGE: &str = r##"<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Syrie : l'armée accuse les rebelles de violer la trêve à Alep — RT en français</title>
<meta property="og:title" content="Syrie : l'armée accuse les rebelles de violer la trêve à Alep">
<meta property="article:published_time" content="2016-09-18T14:32:00+02:00">
</head>
<body>
<div id="cookie-banner" class="cookie-consent">Nous utilisons des cookies pour améliorer votre expérience de navigation. En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies. <a href="/cookies">En savoir plus</a> <button>Accepter</button></div>
<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/international">International</a></li><li><a href="/france">France</a></li><li><a href="/economie">Économie</a></li></ul></nav></header>
<main>
<article>
<h1>Syrie : l'armée accuse les rebelles de violer la trêve à Alep</h1>
<p class="date">Publié le 18 septembre 2016</p>
<div class="share"><a href="#">Partager sur Facebook</a> <a href="#">Partager sur Twitter</a></div>
<p>L'armée syrienne a accusé dimanche les groupes rebelles d'avoir violé à plusieurs reprises le cessez-le-feu entré en vigueur lundi dernier dans le nord du pays, selon un communiqué diffusé par l'agence officielle Sana.</p>
<p>D'après l'Observatoire syrien des droits de l'homme, des obus de mortier sont tombés sur les quartiers ouest d'Alep, tenus par le gouvernement, sans faire de victimes. La trêve, négociée par Washington et Moscou à Genève, reste fragile.</p>
<p><strong>Lire aussi : Syrie, l'aide humanitaire toujours bloquée aux portes d'Alep</strong></p>
<p>Le ministère russe de la Défense a de son côté affirmé que les forces gouvernementales respectaient l'accord, tandis que les convois de l'ONU attendaient toujours à la frontière turque.</p>
<p>Suivez RT France sur Telegram pour ne rien manquer de l'actualité internationale.</p>
</article>
</main>
<footer><p>© 2016 RT en français. Tous droits réservés.</p><p>Mentions légales | Contact | Publicité</p></footer>
</body>
</html>
"##;

/// A French dispatch as an old CMS would have saved it in Windows-1252:
/// curly apostrophes (0x92) and "œ" (0x9C) exist only in Windows-1252, not
/// in ISO-8859-1. Encode it with `support::windows_1252`.
pub const LATIN1_FR: &str = "\
Syrie : reprise des bombardements à Alep

L’armée syrienne a bombardé mardi des quartiers rebelles d’Alep, selon l’Observatoire syrien des droits de l’homme. Au cœur de la ville, des centaines d’habitants ont fui vers la frontière turque, à l’ouest.
";

/// One sentence whose event is clear in any reading: a French air strike
/// report with a named place and a monitor as the speaker.
pub const FR_STRIKE: &str = "Des frappes aériennes russes ont visé mardi la ville d'Alep, selon l'Observatoire syrien des droits de l'homme, qui fait état de six morts parmi les civils.";

/// A JSON Lines record (`id`, `text`, metadata) on one line.
pub fn record(id: &str, text: &str, published: Option<&str>) -> String {
    let mut v = serde_json::json!({ "id": id, "text": text });
    if let Some(p) = published {
        v["published"] = p.into();
    }
    v.to_string()
}

/// The French sentences used to build many small documents: each reports one
/// event (an assault, a request, an agreement or an accusation).
pub const FR_SENTENCES: &[&str] = &[
    "L'aviation russe a mené mardi des frappes sur les quartiers rebelles d'Alep, selon l'Observatoire syrien des droits de l'homme.",
    "Le secrétaire d'Etat américain John Kerry a appelé la Russie à faire pression sur le régime de Damas.",
    "La Russie et les Etats-Unis ont conclu vendredi à Genève un accord sur une trêve en Syrie.",
    "Moscou a accusé les rebelles d'avoir violé la trêve à plusieurs reprises dans la province d'Idleb.",
];
