package gazetteer

import (
	"strings"
	"sync"
)

// countryTable lists every country code the GeoNames table uses: the ISO
// 3166-1 alpha-2 code, the English short name, then other names a data set
// may use (ACLED and UCDP spell several differently), all separated by "|".
const countryTable = `AD|Andorra
AE|United Arab Emirates|UAE
AF|Afghanistan
AG|Antigua and Barbuda
AI|Anguilla
AL|Albania
AM|Armenia
AO|Angola
AQ|Antarctica
AR|Argentina
AS|American Samoa
AT|Austria
AU|Australia
AW|Aruba
AX|Åland Islands|Aland
AZ|Azerbaijan
BA|Bosnia and Herzegovina|Bosnia & Herzegovina|Bosnia-Herzegovina|Bosnia
BB|Barbados
BD|Bangladesh
BE|Belgium
BF|Burkina Faso
BG|Bulgaria
BH|Bahrain
BI|Burundi
BJ|Benin
BL|Saint Barthélemy|Saint-Barthelemy
BM|Bermuda
BN|Brunei|Brunei Darussalam
BO|Bolivia
BQ|Caribbean Netherlands|Bonaire, Sint Eustatius and Saba|Bonaire
BR|Brazil
BS|Bahamas|The Bahamas
BT|Bhutan
BW|Botswana
BY|Belarus
BZ|Belize
CA|Canada
CC|Cocos (Keeling) Islands|Cocos Islands
CD|Democratic Republic of the Congo|Democratic Republic of Congo|DR Congo|DRC|Congo-Kinshasa|Congo, DRC|Congo, Democratic Republic of|DR Congo (Zaire)|Zaire
CF|Central African Republic|CAR
CG|Republic of the Congo|Republic of Congo|Congo|Congo-Brazzaville|Congo, Republic of
CH|Switzerland
CI|Côte d'Ivoire|Ivory Coast|Cote d'Ivoire
CK|Cook Islands
CL|Chile
CM|Cameroon
CN|China|People's Republic of China
CO|Colombia
CR|Costa Rica
CU|Cuba
CV|Cape Verde|Cabo Verde
CW|Curaçao|Curacao
CX|Christmas Island
CY|Cyprus
CZ|Czechia|Czech Republic
DE|Germany
DJ|Djibouti
DK|Denmark
DM|Dominica
DO|Dominican Republic
DZ|Algeria
EC|Ecuador
EE|Estonia
EG|Egypt
EH|Western Sahara
ER|Eritrea
ES|Spain
ET|Ethiopia
FI|Finland
FJ|Fiji
FK|Falkland Islands|Falklands|Malvinas
FM|Micronesia|Federated States of Micronesia
FO|Faroe Islands|Faroes
FR|France
GA|Gabon
GB|United Kingdom|UK|Great Britain|Britain
GD|Grenada
GE|Georgia
GF|French Guiana
GG|Guernsey
GH|Ghana
GI|Gibraltar
GL|Greenland
GM|Gambia|The Gambia
GN|Guinea
GP|Guadeloupe
GQ|Equatorial Guinea
GR|Greece
GS|South Georgia and the South Sandwich Islands|South Georgia
GT|Guatemala
GU|Guam
GW|Guinea-Bissau
GY|Guyana
HK|Hong Kong
HN|Honduras
HR|Croatia
HT|Haiti
HU|Hungary
ID|Indonesia
IE|Ireland
IL|Israel
IM|Isle of Man
IN|India
IQ|Iraq
IR|Iran|Islamic Republic of Iran
IS|Iceland
IT|Italy
JE|Jersey
JM|Jamaica
JO|Jordan
JP|Japan
KE|Kenya
KG|Kyrgyzstan|Kyrgyz Republic
KH|Cambodia|Cambodia (Kampuchea)
KI|Kiribati
KM|Comoros
KN|Saint Kitts and Nevis
KP|North Korea|Democratic People's Republic of Korea|DPRK
KR|South Korea|Republic of Korea|Korea
KW|Kuwait
KY|Cayman Islands
KZ|Kazakhstan
LA|Laos|Lao People's Democratic Republic
LB|Lebanon
LC|Saint Lucia
LI|Liechtenstein
LK|Sri Lanka
LR|Liberia
LS|Lesotho
LT|Lithuania
LU|Luxembourg
LV|Latvia
LY|Libya
MA|Morocco
MC|Monaco
MD|Moldova|Republic of Moldova
ME|Montenegro
MF|Saint Martin|Saint-Martin
MG|Madagascar|Madagascar (Malagasy)
MH|Marshall Islands
MK|North Macedonia|Macedonia, FYR|Macedonia
ML|Mali
MM|Myanmar|Burma|Myanmar (Burma)
MN|Mongolia
MO|Macao|Macau
MP|Northern Mariana Islands
MQ|Martinique
MR|Mauritania
MS|Montserrat
MT|Malta
MU|Mauritius
MV|Maldives
MW|Malawi
MX|Mexico
MY|Malaysia
MZ|Mozambique
NA|Namibia
NC|New Caledonia
NE|Niger
NF|Norfolk Island
NG|Nigeria
NI|Nicaragua
NL|Netherlands|The Netherlands|Holland
NO|Norway
NP|Nepal
NR|Nauru
NU|Niue
NZ|New Zealand
OM|Oman
PA|Panama
PE|Peru
PF|French Polynesia
PG|Papua New Guinea
PH|Philippines
PK|Pakistan
PL|Poland
PM|Saint Pierre and Miquelon
PN|Pitcairn Islands|Pitcairn
PR|Puerto Rico
PS|Palestine|State of Palestine|Palestinian Territories|West Bank and Gaza|Gaza Strip|West Bank
PT|Portugal
PW|Palau
PY|Paraguay
QA|Qatar
RE|Réunion|Reunion
RO|Romania
RS|Serbia|Serbia (Yugoslavia)
RU|Russia|Russian Federation|Russia (Soviet Union)
RW|Rwanda
SA|Saudi Arabia
SB|Solomon Islands
SC|Seychelles
SD|Sudan
SE|Sweden
SG|Singapore
SH|Saint Helena|Saint Helena, Ascension and Tristan da Cunha
SI|Slovenia
SJ|Svalbard and Jan Mayen|Svalbard
SK|Slovakia|Slovak Republic
SL|Sierra Leone
SM|San Marino
SN|Senegal
SO|Somalia
SR|Suriname|Surinam
SS|South Sudan
ST|São Tomé and Príncipe|Sao Tome and Principe
SV|El Salvador
SX|Sint Maarten
SY|Syria|Syrian Arab Republic
SZ|Eswatini|Swaziland|eSwatini
TC|Turks and Caicos Islands
TD|Chad
TF|French Southern Territories
TG|Togo
TH|Thailand
TJ|Tajikistan
TK|Tokelau
TL|Timor-Leste|East Timor
TM|Turkmenistan
TN|Tunisia
TO|Tonga
TR|Türkiye|Turkey
TT|Trinidad and Tobago
TV|Tuvalu
TW|Taiwan
TZ|Tanzania|United Republic of Tanzania
UA|Ukraine
UG|Uganda
US|United States|United States of America|USA|US
UY|Uruguay
UZ|Uzbekistan
VA|Vatican City|Holy See|Vatican
VC|Saint Vincent and the Grenadines
VE|Venezuela
VG|British Virgin Islands|Virgin Islands, British
VI|United States Virgin Islands|US Virgin Islands|Virgin Islands, U.S.
VN|Vietnam|Viet Nam|Vietnam (North Vietnam)
VU|Vanuatu
WF|Wallis and Futuna
WS|Samoa
XK|Kosovo
YE|Yemen|Yemen (North Yemen)
YT|Mayotte
ZA|South Africa
ZM|Zambia
ZW|Zimbabwe|Zimbabwe (Rhodesia)`

type countryIndex struct {
	names  map[string]string // code → English short name
	byName map[string]string // folded name or alias → code
}

var countries = sync.OnceValue(func() countryIndex {
	ci := countryIndex{names: map[string]string{}, byName: map[string]string{}}
	for line := range strings.Lines(countryTable) {
		f := strings.Split(strings.TrimSpace(line), "|")
		ci.names[f[0]] = f[1]
		for _, n := range f[1:] {
			ci.byName[Fold(n)] = f[0]
		}
	}
	return ci
})

// Country resolves a country given as an ISO 3166-1 alpha-2 code ("SY",
// "sy") or an English name ("Syria", "Syrian Arab Republic"; case, accents
// and punctuation ignored) to its code. "" resolves to "" (everywhere).
func Country(s string) (code string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	ci := countries()
	if u := strings.ToUpper(s); len(s) == 2 && ci.names[u] != "" {
		return u, true
	}
	code, ok = ci.byName[Fold(s)]
	return code, ok
}

// CountryName returns the English short name of an ISO alpha-2 code
// ("Syria" for "SY"), or the code itself when it is not known.
func CountryName(code string) string {
	if n := countries().names[code]; n != "" {
		return n
	}
	return code
}
