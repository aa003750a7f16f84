<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN" sourcelanguage="en">
<context>
    <name>Accounts</name>
    <message>
        <source>Wrong username or password.</source>
        <translation>उपयोगकर्ता नाम या पासवर्ड गलत है।</translation>
    </message>
    <message>
        <source>This account is disabled; ask the quality administrator.</source>
        <translation>यह खाता निष्क्रिय है; गुणवत्ता प्रशासक से संपर्क करें।</translation>
    </message>
    <message>
        <source>A password needs at least {minimum} characters.</source>
        <translation>पासवर्ड में कम से कम {minimum} अक्षर होने चाहिए।</translation>
    </message>
    <message>
        <source>The username {username} is already taken at this centre.</source>
        <translation>इस केंद्र में उपयोगकर्ता नाम {username} पहले से लिया जा चुका है।</translation>
    </message>
    <message>
        <source>This installation is already set up for centre {code}.</source>
        <translation>यह इंस्टॉलेशन पहले से केंद्र {code} के लिए सेट है।</translation>
    </message>
    <message>
        <source>A centre that collects blood needs its 5-character ISBT 128 facility number (FIN).</source>
        <translation>रक्त संग्रह करने वाले केंद्र के लिए उसका 5 अक्षरों वाला ISBT 128 फ़ैसिलिटी नंबर (FIN) आवश्यक है।</translation>
    </message>
    <message>
        <source>The centre needs a code and a name.</source>
        <translation>केंद्र का कोड और नाम दोनों आवश्यक हैं।</translation>
    </message>
</context>
<context>
    <name>Camps</name>
    <message>
        <source>A camp needs a name and a venue.</source>
        <translation>शिविर का नाम और स्थान, दोनों आवश्यक हैं।</translation>
    </message>
    <message>
        <source>The camp ends on {ends} but starts on {starts}: check the dates.</source>
        <translation>शिविर {ends} को समाप्त हो रहा है, लेकिन {starts} को शुरू हो रहा है: तिथियाँ जाँचें।</translation>
    </message>
    <message>
        <source>Expected donors cannot be negative.</source>
        <translation>अपेक्षित रक्तदाताओं की संख्या ऋणात्मक नहीं हो सकती।</translation>
    </message>
</context>
<context>
    <name>Collection</name>
    <message>
        <source>No screening visit was found: screen the donor first.</source>
        <translation>कोई स्क्रीनिंग विज़िट नहीं मिली: पहले रक्तदाता की स्क्रीनिंग करें।</translation>
    </message>
    <message>
        <source>This screening visit was voided ({reason}): screen the donor again.</source>
        <translation>यह स्क्रीनिंग विज़िट रद्द (void) की गई थी ({reason}): रक्तदाता की दोबारा स्क्रीनिंग करें।</translation>
    </message>
    <message>
        <source>The donor was not found fit at this screening ({reasons}): blood must not be collected.</source>
        <translation>इस स्क्रीनिंग में रक्तदाता योग्य नहीं पाए गए ({reasons}): रक्त संग्रह नहीं किया जाना चाहिए।</translation>
    </message>
    <message>
        <source>This screening was on {visit_date}, not today ({today}): screen the donor again before collecting.</source>
        <translation>यह स्क्रीनिंग {visit_date} को हुई थी, आज ({today}) नहीं: रक्त संग्रह से पहले रक्तदाता की दोबारा स्क्रीनिंग करें।</translation>
    </message>
    <message>
        <source>A donation (DIN {din}) is already recorded for this screening: one screening, one bag.</source>
        <translation>इस स्क्रीनिंग के लिए एक रक्तदान (DIN {din}) पहले से दर्ज है: एक स्क्रीनिंग, एक बैग।</translation>
    </message>
    <message>
        <source>The donor is now deferred ({reasons}): do not collect. A deferral was recorded or received after the screening.</source>
        <translation>रक्तदाता अब स्थगित हैं ({reasons}): रक्त संग्रह न करें। स्क्रीनिंग के बाद एक स्थगन दर्ज हुआ है या प्राप्त हुआ है।</translation>
    </message>
    <message>
        <source>The donor already gave blood today (DIN {din}): do not collect a second unit.</source>
        <translation>रक्तदाता आज पहले ही रक्तदान कर चुके हैं (DIN {din}): दूसरी यूनिट का संग्रह न करें।</translation>
    </message>
    <message>
        <source>This screening was for apheresis: record apheresis collections with the apheresis procedure.</source>
        <translation>यह स्क्रीनिंग एफेरेसिस के लिए थी: एफेरेसिस संग्रह को एफेरेसिस प्रक्रिया में दर्ज करें।</translation>
    </message>
    <message>
        <source>Choose the bag type: single, double, triple or quadruple.</source>
        <translation>बैग का प्रकार चुनें: सिंगल, डबल, ट्रिपल या क्वाड्रुपल।</translation>
    </message>
    <message>
        <source>Bag volume {volume} ml is not offered: choose {volumes} ml.</source>
        <translation>बैग मात्रा {volume} ml उपलब्ध नहीं है: {volumes} ml चुनें।</translation>
    </message>
    <message>
        <source>The donor was screened for a {screened} ml bag, not {volume} ml (the weight limit depends on it): use a {screened} ml bag or screen again.</source>
        <translation>रक्तदाता की स्क्रीनिंग {screened} ml बैग के लिए हुई थी, {volume} ml के लिए नहीं (वज़न की सीमा इसी पर निर्भर है): {screened} ml बैग का उपयोग करें या दोबारा स्क्रीनिंग करें।</translation>
    </message>
    <message>
        <source>A collected volume of {volume} ml is not possible in a {bag} ml bag: check the weighed volume.</source>
        <translation>{bag} ml बैग में {volume} ml संग्रहित मात्रा संभव नहीं है: तौलकर निकाली गई मात्रा जाँचें।</translation>
    </message>
    <message>
        <source>Enter the {label} as a date and time.</source>
        <translation>{label} तिथि और समय के रूप में दर्ज करें।</translation>
    </message>
    <message>
        <source>The bleed ended ({end}) before or when it started ({start}): check both times.</source>
        <translation>रक्त संग्रह की समाप्ति ({end}) उसके आरंभ ({start}) से पहले या उसी समय दर्ज है: दोनों समय जाँचें।</translation>
    </message>
    <message>
        <source>The bleed end time {end} is in the future: check the time (and the computer&apos;s clock).</source>
        <translation>रक्त संग्रह की समाप्ति का समय {end} भविष्य में है: समय (और कंप्यूटर की घड़ी) जाँचें।</translation>
    </message>
    <message>
        <source>The bleed start {start} is before the screening ({screened}): check the start time.</source>
        <translation>रक्त संग्रह का आरंभ {start} स्क्रीनिंग ({screened}) से पहले का है: आरंभ का समय जाँचें।</translation>
    </message>
    <message>
        <source>Choose the adverse reaction from the list, or none.</source>
        <translation>सूची से प्रतिकूल प्रतिक्रिया चुनें, या &apos;कोई नहीं&apos; चुनें।</translation>
    </message>
    <message>
        <source>{label} is too long: at most {maximum} characters.</source>
        <translation>{label} की लंबाई अधिक है: अधिकतम {maximum} अक्षर हो सकते हैं।</translation>
    </message>
    <message>
        <source>Only {volume} ml was collected in a {bag} ml bag (at least {minimum} ml expected): the unit is under-collected; tell the component technician.</source>
        <translation>{bag} ml बैग में केवल {volume} ml रक्त संग्रहित हुआ (कम से कम {minimum} ml अपेक्षित): यूनिट में रक्त कम है (अंडर-कलेक्टेड); घटक तकनीशियन को बताएँ।</translation>
    </message>
    <message>
        <source>{volume} ml was collected in a {bag} ml bag (at most {maximum} ml expected): the unit is over-collected; tell the component technician.</source>
        <translation>{bag} ml बैग में {volume} ml रक्त संग्रहित हुआ (अधिकतम {maximum} ml अपेक्षित): यूनिट में रक्त अधिक है (ओवर-कलेक्टेड); घटक तकनीशियन को बताएँ।</translation>
    </message>
    <message>
        <source>bleed start</source>
        <translation>रक्त संग्रह का आरंभ</translation>
    </message>
    <message>
        <source>bleed end</source>
        <translation>रक्त संग्रह की समाप्ति</translation>
    </message>
    <message>
        <source>Bag lot number</source>
        <translation>बैग लॉट नंबर</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>टिप्पणियाँ</translation>
    </message>
</context>
<context>
    <name>Compatibility</name>
    <message>
        <source>whole blood</source>
        <translation>संपूर्ण रक्त</translation>
    </message>
    <message>
        <source>red cells</source>
        <translation>लाल रक्त कोशिकाएँ</translation>
    </message>
    <message>
        <source>plasma</source>
        <translation>प्लाज़्मा</translation>
    </message>
    <message>
        <source>platelets</source>
        <translation>प्लेटलेट्स</translation>
    </message>
    <message>
        <source>Unknown component kind {kind!r}: expected one of whole_blood, red_cells, plasma, platelets.</source>
        <translation>अज्ञात घटक प्रकार {kind!r}: इनमें से एक होना चाहिए: whole_blood, red_cells, plasma, platelets।</translation>
    </message>
    <message>
        <source>Unknown donor group {group!r}: expected one of {groups}. A unit must be grouped before issue.</source>
        <translation>अज्ञात रक्तदाता रक्त समूह {group!r}: {groups} में से एक होना चाहिए। जारी करने से पहले यूनिट का रक्त समूह निर्धारित होना चाहिए।</translation>
    </message>
    <message>
        <source>Unknown patient group {group!r}: expected one of {groups}, or &apos;unknown&apos; if not yet grouped.</source>
        <translation>अज्ञात रोगी रक्त समूह {group!r}: {groups} में से एक होना चाहिए, या यदि रक्त समूह अभी निर्धारित नहीं हुआ है तो &apos;unknown&apos;।</translation>
    </message>
    <message>
        <source>Unknown patient sex {sex!r}: expected one of {sexes}, or nothing if not recorded.</source>
        <translation>अज्ञात रोगी लिंग {sex!r}: {sexes} में से एक होना चाहिए, या दर्ज न हो तो खाली छोड़ें।</translation>
    </message>
    <message>
        <source>Patient age {age} is not possible: expected a number of years, 0 or more.</source>
        <translation>रोगी की आयु {age} संभव नहीं है: आयु वर्षों में 0 या उससे अधिक होनी चाहिए।</translation>
    </message>
    <message>
        <source>a group {group} patient</source>
        <translation>रक्त समूह {group} वाले रोगी</translation>
    </message>
    <message>
        <source>a patient whose group is not known</source>
        <translation>अज्ञात रक्त समूह वाले रोगी</translation>
    </message>
    <message>
        <source>Group {donor} red cells are not compatible with {patient}. Acceptable: group {choices}.</source>
        <translation>रक्त समूह {donor} की लाल रक्त कोशिकाएँ {patient} के लिए संगत नहीं हैं। स्वीकार्य: रक्त समूह {choices}।</translation>
    </message>
    <message>
        <source>Group {donor} plasma is not compatible with {patient}. Acceptable: group {choices}.</source>
        <translation>रक्त समूह {donor} का प्लाज़्मा {patient} के लिए संगत नहीं है। स्वीकार्य: रक्त समूह {choices}।</translation>
    </message>
    <message>
        <source>Group {donor} platelets are not compatible with {patient}. Acceptable: group {choices}.</source>
        <translation>रक्त समूह {donor} के प्लेटलेट्स {patient} के लिए संगत नहीं हैं। स्वीकार्य: रक्त समूह {choices}।</translation>
    </message>
    <message>
        <source>Whole blood must be ABO-identical: group {donor} whole blood cannot go to {patient}. Acceptable: group {choices}.</source>
        <translation>संपूर्ण रक्त ABO-समान होना चाहिए: रक्त समूह {donor} का संपूर्ण रक्त {patient} को नहीं दिया जा सकता। स्वीकार्य: रक्त समूह {choices}।</translation>
    </message>
    <message>
        <source>Whole blood must be ABO-identical and the patient&apos;s group is not known: group the patient first, or issue group O red cells.</source>
        <translation>संपूर्ण रक्त ABO-समान होना चाहिए और रोगी का रक्त समूह ज्ञात नहीं है: पहले रोगी का रक्त समूह जाँचें, या रक्त समूह O की लाल रक्त कोशिकाएँ जारी करें।</translation>
    </message>
    <message>
        <source>Group {donor} red cells are RhD-positive and the patient is RhD-negative: give RhD-negative red cells. Only a medical officer may override this, for a man over {male_age} or a woman over {female_age} without anti-D.</source>
        <translation>रक्त समूह {donor} की लाल रक्त कोशिकाएँ RhD पॉज़िटिव हैं और रोगी RhD नेगेटिव है: RhD नेगेटिव लाल रक्त कोशिकाएँ दें। इसे केवल चिकित्सा अधिकारी ही बदल (ओवरराइड कर) सकते हैं, और वह भी केवल {male_age} वर्ष से अधिक आयु के पुरुष या {female_age} वर्ष से अधिक आयु की महिला के लिए, जिनमें anti-D न हो।</translation>
    </message>
    <message>
        <source>Group {donor} whole blood is RhD-positive and the patient is RhD-negative: give RhD-negative whole blood. Only a medical officer may override this, for a man over {male_age} or a woman over {female_age} without anti-D.</source>
        <translation>रक्त समूह {donor} का संपूर्ण रक्त RhD पॉज़िटिव है और रोगी RhD नेगेटिव है: RhD नेगेटिव संपूर्ण रक्त दें। इसे केवल चिकित्सा अधिकारी ही बदल (ओवरराइड कर) सकते हैं, और वह भी केवल {male_age} वर्ष से अधिक आयु के पुरुष या {female_age} वर्ष से अधिक आयु की महिला के लिए, जिनमें anti-D न हो।</translation>
    </message>
    <message>
        <source>O RhD-positive red cells may go to a patient whose group is not known only if the patient is a man over {male_age} or a woman over {female_age}: give O RhD-negative red cells.</source>
        <translation>अज्ञात रक्त समूह वाले रोगी को O RhD पॉज़िटिव लाल रक्त कोशिकाएँ केवल तभी दी जा सकती हैं जब रोगी {male_age} वर्ष से अधिक आयु का पुरुष या {female_age} वर्ष से अधिक आयु की महिला हो: O RhD नेगेटिव लाल रक्त कोशिकाएँ दें।</translation>
    </message>
    <message>
        <source>O RhD-positive red cells may go to a patient whose group is not known only if the patient is a man over {male_age} or a woman over {female_age}, and this patient&apos;s sex or age is not recorded: record them, or give O RhD-negative red cells.</source>
        <translation>अज्ञात रक्त समूह वाले रोगी को O RhD पॉज़िटिव लाल रक्त कोशिकाएँ केवल तभी दी जा सकती हैं जब रोगी {male_age} वर्ष से अधिक आयु का पुरुष या {female_age} वर्ष से अधिक आयु की महिला हो, और इस रोगी का लिंग या आयु दर्ज नहीं है: इन्हें दर्ज करें, या O RhD नेगेटिव लाल रक्त कोशिकाएँ दें।</translation>
    </message>
    <message>
        <source>Group {donor} is choice {choice} of {kind} for {patient}, after group {better}: use those first if in stock.</source>
        <translation>{kind}: {patient} के लिए रक्त समूह {donor} विकल्प क्रमांक {choice} है, रक्त समूह {better} के बाद: यदि वे स्टॉक में हों तो पहले उन्हीं का उपयोग करें।</translation>
    </message>
    <message>
        <source>This group {donor} unit uses scarce RhD-negative stock: a group {alternative} unit suits this patient as well.</source>
        <translation>रक्त समूह {donor} की यह यूनिट दुर्लभ RhD नेगेटिव स्टॉक से है: इस रोगी के लिए रक्त समूह {alternative} की यूनिट भी उपयुक्त है।</translation>
    </message>
    <message>
        <source>Group {donor} {kind} for {patient}: issue only a unit tested low titre for {antibodies}.</source>
        <translation>{patient} के लिए रक्त समूह {donor} {kind}: केवल वही यूनिट जारी करें जिसकी {antibodies} के लिए जाँच में लो टाइटर (low titre) पाया गया हो।</translation>
    </message>
    <message>
        <source>RhD-positive platelets for an RhD-negative woman or girl: give anti-D immunoglobulin cover.</source>
        <translation>RhD नेगेटिव महिला या बालिका के लिए RhD पॉज़िटिव प्लेटलेट्स: anti-D इम्युनोग्लोबुलिन कवर दें।</translation>
    </message>
    <message>
        <source>RhD-positive platelets for an RhD-negative patient not recorded as male: if the patient could become pregnant, give anti-D immunoglobulin cover.</source>
        <translation>RhD नेगेटिव रोगी (पुरुष के रूप में दर्ज नहीं) के लिए RhD पॉज़िटिव प्लेटलेट्स: यदि रोगी गर्भवती हो सकती है, तो anti-D इम्युनोग्लोबुलिन कवर दें।</translation>
    </message>
    <message>
        <source>RhD-positive platelets for a patient whose group is not known: if the patient is RhD-negative, give anti-D immunoglobulin cover.</source>
        <translation>अज्ञात रक्त समूह वाले रोगी के लिए RhD पॉज़िटिव प्लेटलेट्स: यदि रोगी RhD नेगेटिव है, तो anti-D इम्युनोग्लोबुलिन कवर दें।</translation>
    </message>
</context>
<context>
    <name>ComponentStates</name>
    <message>
        <source>A unit that is {current} cannot become {target}.</source>
        <translation>यूनिट की स्थिति &apos;{current}&apos; से &apos;{target}&apos; में नहीं बदली जा सकती।</translation>
    </message>
</context>
<context>
    <name>Components</name>
    <message>
        <source>Whole blood (CPDA-1)</source>
        <translation>संपूर्ण रक्त (CPDA-1)</translation>
    </message>
    <message>
        <source>Packed red cells (CPDA-1)</source>
        <translation>पैक्ड लाल रक्त कोशिकाएँ (CPDA-1)</translation>
    </message>
    <message>
        <source>Packed red cells (SAGM)</source>
        <translation>पैक्ड लाल रक्त कोशिकाएँ (SAGM)</translation>
    </message>
    <message>
        <source>Fresh frozen plasma (FFP)</source>
        <translation>फ्रेश फ्रोज़न प्लाज़्मा (FFP)</translation>
    </message>
    <message>
        <source>Random donor platelets (RDP)</source>
        <translation>रैंडम डोनर प्लेटलेट्स (RDP)</translation>
    </message>
    <message>
        <source>Apheresis platelets (SDP)</source>
        <translation>एफेरेसिस प्लेटलेट्स (SDP)</translation>
    </message>
    <message>
        <source>Cryoprecipitate</source>
        <translation>क्रायोप्रेसिपिटेट</translation>
    </message>
    <message>
        <source>Cryo-poor plasma</source>
        <translation>क्रायो-पुअर प्लाज़्मा</translation>
    </message>
    <message>
        <source>single bag</source>
        <translation>सिंगल बैग</translation>
    </message>
    <message>
        <source>double bag</source>
        <translation>डबल बैग</translation>
    </message>
    <message>
        <source>triple bag</source>
        <translation>ट्रिपल बैग</translation>
    </message>
    <message>
        <source>quadruple bag</source>
        <translation>क्वाड्रुपल बैग</translation>
    </message>
    <message>
        <source>quadruple bag with SAGM</source>
        <translation>SAGM सहित क्वाड्रुपल बैग</translation>
    </message>
    <message>
        <source>Unknown component code {code!r}: expected one of {codes}.</source>
        <translation>अज्ञात घटक कोड {code!r}: {codes} में से एक होना चाहिए।</translation>
    </message>
    <message>
        <source>Unknown bag type {bag_type!r}: expected one of {bag_types}.</source>
        <translation>अज्ञात बैग प्रकार {bag_type!r}: {bag_types} में से एक होना चाहिए।</translation>
    </message>
    <message>
        <source>A bleed (collection) time of {minutes} minutes is not possible: expected 0 minutes or more.</source>
        <translation>{minutes} मिनट का रक्त संग्रह समय संभव नहीं है: यह 0 मिनट या उससे अधिक होना चाहिए।</translation>
    </message>
    <message>
        <source>{hours} hours since collection is not possible: expected 0 hours or more.</source>
        <translation>संग्रह के बाद {hours} घंटे का समय संभव नहीं है: यह 0 घंटे या उससे अधिक होना चाहिए।</translation>
    </message>
    <message>
        <source>A blood volume of {volume} ml is not possible: expected more than 0 ml (bags hold {volumes} ml).</source>
        <translation>रक्त की मात्रा {volume} ml संभव नहीं है: यह 0 ml से अधिक होनी चाहिए (बैग {volumes} ml के होते हैं)।</translation>
    </message>
    <message>
        <source>{component} cannot be made from a {bag}: it needs a {needed}.</source>
        <translation>{bag} से {component} नहीं बनाया जा सकता: इसके लिए {needed} आवश्यक है।</translation>
    </message>
    <message>
        <source>{component} are collected from a donor by apheresis, never separated from a whole-blood bag.</source>
        <translation>{component} रक्तदाता से एफेरेसिस द्वारा एकत्र किए जाते हैं, संपूर्ण रक्त के बैग से कभी अलग नहीं किए जाते।</translation>
    </message>
    <message>
        <source>{component} cannot be made: bleeding took {minutes:g} minutes, over the {limit}-minute limit.</source>
        <translation>{component} नहीं बनाया जा सकता: रक्त संग्रह में {minutes:g} मिनट लगे, जो {limit} मिनट की सीमा से अधिक है।</translation>
    </message>
    <message>
        <source>{component} cannot be made: separation starts {hours:g} hours after collection, over the {limit}-hour limit.</source>
        <translation>{component} नहीं बनाया जा सकता: पृथक्करण संग्रह के {hours:g} घंटे बाद शुरू हो रहा है, जो {limit} घंटे की सीमा से अधिक है।</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} या {second}</translation>
    </message>
    <message>
        <source>{first}, {second} or {third}</source>
        <translation>{first}, {second} या {third}</translation>
    </message>
    <message>
        <source>{first}, {second}, {third} or {fourth}</source>
        <translation>{first}, {second}, {third} या {fourth}</translation>
    </message>
    <message>
        <source>{first}, {second}, {third}, {fourth} or {fifth}</source>
        <translation>{first}, {second}, {third}, {fourth} या {fifth}</translation>
    </message>
    <message>
        <source>No component with this number was found.</source>
        <translation>इस संख्या का कोई घटक नहीं मिला।</translation>
    </message>
    <message>
        <source>No donation with this number was found.</source>
        <translation>इस संख्या का कोई रक्तदान नहीं मिला।</translation>
    </message>
    <message>
        <source>Unit {din} cannot leave quarantine: {reasons}</source>
        <translation>यूनिट {din} को क्वारंटाइन से रिलीज़ नहीं किया जा सकता: {reasons}</translation>
    </message>
    <message>
        <source>no laboratory results are recorded</source>
        <translation>कोई प्रयोगशाला परिणाम दर्ज नहीं है</translation>
    </message>
    <message>
        <source>the results are not yet verified by a second technician</source>
        <translation>परिणामों का सत्यापन अभी किसी दूसरे तकनीशियन ने नहीं किया है</translation>
    </message>
    <message>
        <source>the results were verified by the technician who entered them; a second technician must verify</source>
        <translation>परिणामों का सत्यापन उसी तकनीशियन ने किया जिसने उन्हें दर्ज किया था; किसी दूसरे तकनीशियन द्वारा सत्यापन आवश्यक है</translation>
    </message>
    <message>
        <source>{marker} is {result}</source>
        <translation>{marker}: {result}</translation>
    </message>
    <message>
        <source>the blood group is not confirmed</source>
        <translation>रक्त समूह की पुष्टि नहीं हुई है</translation>
    </message>
    <message>
        <source>the laboratory group {group} disagrees with the donor&apos;s recorded group {donor_group}</source>
        <translation>प्रयोगशाला में आया रक्त समूह {group} रक्तदाता के दर्ज रक्त समूह {donor_group} से मेल नहीं खाता</translation>
    </message>
    <message>
        <source>the antibody screen is positive, so plasma-containing components may not be released</source>
        <translation>एंटीबॉडी स्क्रीन पॉज़िटिव है, इसलिए प्लाज़्मा युक्त घटक रिलीज़ नहीं किए जा सकते</translation>
    </message>
    <message>
        <source>the antibody screen is not done</source>
        <translation>एंटीबॉडी स्क्रीन नहीं की गई है</translation>
    </message>
    <message>
        <source>the unit expired at {expires} (UTC)</source>
        <translation>यूनिट की अवधि {expires} (UTC) को समाप्त हो गई</translation>
    </message>
    <message>
        <source>the unit was labelled {label} when it was released, but the laboratory group is now {group}</source>
        <translation>जारी करते समय यूनिट पर {label} का लेबल लगा था, पर अब प्रयोगशाला का ग्रुप {group} है</translation>
    </message>
    <message>
        <source>Donation {din} was voided, so nothing can be separated from it or released.</source>
        <translation>रक्तदान {din} रद्द (void) किया गया है, इसलिए इससे न कोई घटक पृथक किया जा सकता है, न कुछ रिलीज़ किया जा सकता है।</translation>
    </message>
    <message>
        <source>Choose at least one component to prepare from donation {din}.</source>
        <translation>रक्तदान {din} से तैयार करने के लिए कम से कम एक घटक चुनें।</translation>
    </message>
    <message>
        <source>{component} is listed twice: each component is prepared once from a donation.</source>
        <translation>{component} दो बार सूची में है: एक रक्तदान से प्रत्येक घटक केवल एक बार तैयार होता है।</translation>
    </message>
    <message>
        <source>{component} was already prepared from donation {din}: each component is prepared once.</source>
        <translation>रक्तदान {din} से {component} पहले ही तैयार किया जा चुका है: प्रत्येक घटक केवल एक बार तैयार होता है।</translation>
    </message>
    <message>
        <source>Donation {din} was collected by apheresis: it yields {sdp} only, not {component}.</source>
        <translation>रक्तदान {din} एफेरेसिस द्वारा संग्रहित हुआ था: इससे केवल {sdp} मिलते हैं, {component} नहीं।</translation>
    </message>
    <message>
        <source>{codes} cannot all be made from the one {bag} of donation {din}: it yields one of these sets: {options}.</source>
        <translation>रक्तदान {din} के एक ही {bag} से {codes} सभी नहीं बनाए जा सकते: इससे इनमें से कोई एक सेट बनता है: {options}।</translation>
    </message>
    <message>
        <source>Enter the volume of {component} in ml, from 1 to {maximum} (the bag and its anticoagulant).</source>
        <translation>{component} की मात्रा ml में दर्ज करें, 1 से {maximum} तक (बैग और उसके एंटीकोएगुलेंट सहित)।</translation>
    </message>
    <message>
        <source>{component} from donation {din} would have expired at {expires} (UTC): it cannot be prepared now.</source>
        <translation>रक्तदान {din} से बने {component} की अवधि {expires} (UTC) को समाप्त हो चुकी होती: इसे अब तैयार नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>The {what} may be at most {maximum} characters long.</source>
        <translation>{what} में अधिकतम {maximum} अक्षर हो सकते हैं।</translation>
    </message>
    <message>
        <source>storage location</source>
        <translation>भंडारण स्थान</translation>
    </message>
    <message>
        <source>discard detail</source>
        <translation>नष्ट करने का विवरण</translation>
    </message>
    <message>
        <source>Unknown discard reason {reason!r}: choose one of {reasons}.</source>
        <translation>नष्ट करने का अज्ञात कारण {reason!r}: {reasons} में से एक चुनें।</translation>
    </message>
    <message>
        <source>Unit {din} ({component}) is issued: it can be discarded only by receiving it back as a return that fails inspection.</source>
        <translation>यूनिट {din} ({component}) जारी की जा चुकी है: इसे तभी नष्ट किया जा सकता है जब यह वापसी के रूप में प्राप्त हो और निरीक्षण में अस्वीकृत हो।</translation>
    </message>
    <message>
        <source>Say why unit {din} is discarded: the reason &quot;other&quot; needs a detail.</source>
        <translation>बताएँ कि यूनिट {din} क्यों नष्ट की जा रही है: कारण &quot;अन्य&quot; के लिए विवरण आवश्यक है।</translation>
    </message>
    <message>
        <source>Unit {din} expires at {expires} (UTC) and has not expired: choose the real reason for discarding it.</source>
        <translation>यूनिट {din} की समाप्ति {expires} (UTC) को है और अभी इसकी अवधि समाप्त नहीं हुई है: इसे नष्ट करने का वास्तविक कारण चुनें।</translation>
    </message>
    <message>
        <source>Donation {din} has no units in quarantine to release.</source>
        <translation>रक्तदान {din} की कोई यूनिट क्वारंटाइन में नहीं है जिसे रिलीज़ किया जा सके।</translation>
    </message>
    <message>
        <source>No unit of donation {din} can leave quarantine: {reasons}</source>
        <translation>रक्तदान {din} की किसी भी यूनिट को क्वारंटाइन से रिलीज़ नहीं किया जा सकता: {reasons}</translation>
    </message>
    <message>
        <source>{component}: {reasons}</source>
        <translation>{component}: {reasons}</translation>
    </message>
</context>
<context>
    <name>CountsModel</name>
    <message>
        <source>Records</source>
        <translation>रिकॉर्ड</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>संख्या</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>This computer has no saved sync credentials for this profile: enrol it again with the server.</source>
        <translation>इस कंप्यूटर पर इस प्रोफ़ाइल के लिए सिंक क्रेडेंशियल सहेजे नहीं हैं: इसे सर्वर के साथ फिर से नामांकित (enrol) करें।</translation>
    </message>
    <message>
        <source>No secure password store (keyring) is available on this computer. Start a desktop keyring (GNOME Keyring, KWallet, Windows Credential Manager or macOS Keychain), or choose a backend with PYTHON_KEYRING_BACKEND, or set BBMS_KEYRING=file to keep the sync credentials in a file in the profile folder (readable by anyone with access to this account).</source>
        <translation>इस कंप्यूटर पर कोई सुरक्षित पासवर्ड स्टोर (keyring) उपलब्ध नहीं है। डेस्कटॉप keyring (GNOME Keyring, KWallet, Windows Credential Manager या macOS Keychain) शुरू करें, या PYTHON_KEYRING_BACKEND से कोई backend चुनें, या सिंक क्रेडेंशियल को प्रोफ़ाइल फ़ोल्डर की एक फ़ाइल में रखने के लिए BBMS_KEYRING=file सेट करें (इस खाते तक पहुँच वाला कोई भी उसे पढ़ सकता है)।</translation>
    </message>
    <message>
        <source>BBMS_KEYRING is set to &quot;{value}&quot;, which is not a known choice. The only accepted value is &quot;file&quot; (keep the sync credentials in a file in the profile folder); remove the setting to use the computer&apos;s password store.</source>
        <translation>BBMS_KEYRING का मान &quot;{value}&quot; है, जो मान्य विकल्प नहीं है। केवल &quot;file&quot; स्वीकार्य है (सिंक क्रेडेंशियल प्रोफ़ाइल फ़ोल्डर की फ़ाइल में रखें); कंप्यूटर का पासवर्ड स्टोर उपयोग करने के लिए यह सेटिंग हटा दें।</translation>
    </message>
    <message>
        <source>The password store ({store}) could not be used: {cause}. Unlock or start it, then try again.</source>
        <translation>पासवर्ड स्टोर ({store}) का उपयोग नहीं हो सका: {cause}। उसे अनलॉक करें या शुरू करें, फिर दोबारा प्रयास करें।</translation>
    </message>
</context>
<context>
    <name>Donors</name>
    <message>
        <source>Enter the donor&apos;s given name.</source>
        <translation>रक्तदाता का पहला नाम दर्ज करें।</translation>
    </message>
    <message>
        <source>{label} is too long: at most {maximum} characters.</source>
        <translation>{label} की लंबाई अधिक है: अधिकतम {maximum} अक्षर हो सकते हैं।</translation>
    </message>
    <message>
        <source>Choose the donor&apos;s sex: male, female or other.</source>
        <translation>रक्तदाता का लिंग चुनें: पुरुष, महिला या अन्य।</translation>
    </message>
    <message>
        <source>Enter the donor&apos;s date of birth as a calendar date.</source>
        <translation>रक्तदाता की जन्म तिथि कैलेंडर तिथि के रूप में दर्ज करें।</translation>
    </message>
    <message>
        <source>Date of birth {date_of_birth} is in the future (today is {today}): check the date of birth.</source>
        <translation>जन्म तिथि {date_of_birth} भविष्य में है (आज {today} है): जन्म तिथि जाँचें।</translation>
    </message>
    <message>
        <source>Date of birth {date_of_birth} makes the donor {age} years old, which is not possible: check the year.</source>
        <translation>जन्म तिथि {date_of_birth} के अनुसार रक्तदाता की आयु {age} वर्ष है, जो संभव नहीं है: वर्ष जाँचें।</translation>
    </message>
    <message>
        <source>Mobile number &apos;{value}&apos; is not an Indian mobile number: enter 10 digits starting with 6, 7, 8 or 9 (a +91 or 0 in front is fine).</source>
        <translation>मोबाइल नंबर &apos;{value}&apos; भारतीय मोबाइल नंबर नहीं है: 6, 7, 8 या 9 से शुरू होने वाले 10 अंक दर्ज करें (आगे +91 या 0 लगा हो तो ठीक है)।</translation>
    </message>
    <message>
        <source>E-mail address &apos;{value}&apos; is not valid: check it, or leave it empty.</source>
        <translation>ई-मेल पता &apos;{value}&apos; मान्य नहीं है: इसे जाँचें, या खाली छोड़ दें।</translation>
    </message>
    <message>
        <source>PIN code &apos;{value}&apos; is not valid: an Indian PIN code is 6 digits and does not start with 0.</source>
        <translation>पिन कोड &apos;{value}&apos; मान्य नहीं है: भारतीय पिन कोड 6 अंकों का होता है और 0 से शुरू नहीं होता।</translation>
    </message>
    <message>
        <source>Choose the kind of identity document from the list.</source>
        <translation>सूची से पहचान दस्तावेज़ का प्रकार चुनें।</translation>
    </message>
    <message>
        <source>Enter the number of the donor&apos;s {document}, or clear its kind.</source>
        <translation>रक्तदाता के {document} का नंबर दर्ज करें, या दस्तावेज़ का प्रकार हटा दें।</translation>
    </message>
    <message>
        <source>Choose which identity document the number &apos;{value}&apos; belongs to.</source>
        <translation>चुनें कि नंबर &apos;{value}&apos; किस पहचान दस्तावेज़ का है।</translation>
    </message>
    <message>
        <source>Aadhaar number &apos;{value}&apos; must have 12 digits (it has {count}): check the card.</source>
        <translation>आधार नंबर &apos;{value}&apos; में 12 अंक होने चाहिए (इसमें {count} हैं): कार्ड जाँचें।</translation>
    </message>
    <message>
        <source>Aadhaar number &apos;{value}&apos; cannot start with 0 or 1: check the first digit on the card.</source>
        <translation>आधार नंबर &apos;{value}&apos; 0 या 1 से शुरू नहीं हो सकता: कार्ड पर पहला अंक जाँचें।</translation>
    </message>
    <message>
        <source>Aadhaar number &apos;{value}&apos; fails its check digit: a digit is mistyped or two digits are swapped.</source>
        <translation>आधार नंबर &apos;{value}&apos; का चेक अंक मेल नहीं खाता: कोई अंक गलत टाइप हुआ है या दो अंक आपस में बदल गए हैं।</translation>
    </message>
    <message>
        <source>ABHA number &apos;{value}&apos; must have 14 digits (as on the ABHA card, e.g. 12-3456-7890-1234).</source>
        <translation>ABHA नंबर &apos;{value}&apos; में 14 अंक होने चाहिए (जैसे ABHA कार्ड पर, उदाहरण: 12-3456-7890-1234)।</translation>
    </message>
    <message>
        <source>Choose whether the donor is a voluntary or a replacement donor.</source>
        <translation>चुनें कि रक्तदाता स्वैच्छिक रक्तदाता हैं या प्रतिस्थापन (रिप्लेसमेंट) रक्तदाता।</translation>
    </message>
    <message>
        <source>The donor&apos;s consent is required: read the consent form to the donor and record the consent.</source>
        <translation>रक्तदाता की सहमति आवश्यक है: रक्तदाता को सहमति पत्र पढ़कर सुनाएँ और सहमति दर्ज करें।</translation>
    </message>
    <message>
        <source>This donor may already be registered ({numbers}). Open the existing record instead; register a new donor only if you have checked it is a different person.</source>
        <translation>यह रक्तदाता शायद पहले से पंजीकृत हैं ({numbers})। इसके बजाय मौजूदा रिकॉर्ड खोलें; नया रक्तदाता केवल तभी पंजीकृत करें जब आपने जाँच लिया हो कि यह कोई अलग व्यक्ति है।</translation>
    </message>
    <message>
        <source>No donor with this record was found: search for the donor again.</source>
        <translation>इस रिकॉर्ड का कोई रक्तदाता नहीं मिला: रक्तदाता को फिर से खोजें।</translation>
    </message>
    <message>
        <source>Donor {number} was merged into donor {survivor}: open donor {survivor} instead.</source>
        <translation>रक्तदाता {number} का रिकॉर्ड रक्तदाता {survivor} में मिला दिया गया है: इसके बजाय रक्तदाता {survivor} खोलें।</translation>
    </message>
    <message>
        <source>Donor record {number} was voided ({reason}) and cannot be used.</source>
        <translation>रक्तदाता रिकॉर्ड {number} रद्द (void) किया गया है ({reason}) और इसका उपयोग नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>{field} cannot be changed on the donor&apos;s details page: the blood group comes only from verified laboratory results, deferrals only from a medical officer, and the donor number never changes.</source>
        <translation>{field} को रक्तदाता विवरण पेज पर नहीं बदला जा सकता: रक्त समूह केवल सत्यापित प्रयोगशाला परिणामों से आता है, स्थगन केवल चिकित्सा अधिकारी दर्ज करते हैं, और रक्तदाता संख्या कभी नहीं बदलती।</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; is not a donor detail that can be changed.</source>
        <translation>&apos;{field}&apos; रक्तदाता का ऐसा विवरण नहीं है जिसे बदला जा सके।</translation>
    </message>
    <message>
        <source>same identity document</source>
        <translation>समान पहचान दस्तावेज़</translation>
    </message>
    <message>
        <source>same name, date of birth and sex</source>
        <translation>समान नाम, जन्म तिथि और लिंग</translation>
    </message>
    <message>
        <source>same mobile number</source>
        <translation>समान मोबाइल नंबर</translation>
    </message>
    <message>
        <source>donor {number}: {why}</source>
        <translation>रक्तदाता {number}: {why}</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>पहला नाम</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>उपनाम</translation>
    </message>
    <message>
        <source>Father&apos;s or husband&apos;s name</source>
        <translation>पिता या पति का नाम</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>लिंग</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>जन्म तिथि</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>मोबाइल नंबर</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>ई-मेल पता</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>पता</translation>
    </message>
    <message>
        <source>PIN code</source>
        <translation>पिन कोड</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ज़िला</translation>
    </message>
    <message>
        <source>State</source>
        <translation>राज्य</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>पहचान दस्तावेज़</translation>
    </message>
    <message>
        <source>Identity document number</source>
        <translation>पहचान दस्तावेज़ संख्या</translation>
    </message>
    <message>
        <source>ABHA number</source>
        <translation>ABHA नंबर</translation>
    </message>
    <message>
        <source>Donor type</source>
        <translation>रक्तदाता का प्रकार</translation>
    </message>
    <message>
        <source>Blood group</source>
        <translation>रक्त समूह</translation>
    </message>
    <message>
        <source>Donor number</source>
        <translation>रक्तदाता संख्या</translation>
    </message>
    <message>
        <source>Deferrals</source>
        <translation>स्थगन</translation>
    </message>
    <message>
        <source>Merged record</source>
        <translation>विलय किया गया रिकॉर्ड</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>सहमति</translation>
    </message>
    <message>
        <source>Aadhaar card</source>
        <translation>आधार कार्ड</translation>
    </message>
    <message>
        <source>voter ID card</source>
        <translation>मतदाता पहचान पत्र</translation>
    </message>
    <message>
        <source>PAN card</source>
        <translation>पैन कार्ड</translation>
    </message>
    <message>
        <source>driving licence</source>
        <translation>ड्राइविंग लाइसेंस</translation>
    </message>
    <message>
        <source>passport</source>
        <translation>पासपोर्ट</translation>
    </message>
    <message>
        <source>identity document</source>
        <translation>पहचान दस्तावेज़</translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message>
        <source>Date of birth {date_of_birth} is after the visit date {visit_date}: check the date of birth.</source>
        <translation>जन्म तिथि {date_of_birth} विज़िट तिथि {visit_date} के बाद की है: जन्म तिथि जाँचें।</translation>
    </message>
    <message>
        <source>Date of birth {date_of_birth} makes the donor {age} years old, which is not possible: check the date.</source>
        <translation>जन्म तिथि {date_of_birth} के अनुसार रक्तदाता की आयु {age} वर्ष है, जो संभव नहीं है: तिथि जाँचें।</translation>
    </message>
    <message>
        <source>Weight {value:.1f} kg is not possible: check the scale reading.</source>
        <translation>वज़न {value:.1f} kg संभव नहीं है: वज़न मशीन की रीडिंग जाँचें।</translation>
    </message>
    <message>
        <source>Haemoglobin {value:.1f} g/dL is not possible: check the haemoglobin reading.</source>
        <translation>हीमोग्लोबिन {value:.1f} g/dL संभव नहीं है: हीमोग्लोबिन की रीडिंग जाँचें।</translation>
    </message>
    <message>
        <source>Systolic pressure {value} mmHg is not possible: check the blood pressure reading.</source>
        <translation>सिस्टोलिक रक्तचाप {value} mmHg संभव नहीं है: रक्तचाप की रीडिंग जाँचें।</translation>
    </message>
    <message>
        <source>Diastolic pressure {value} mmHg is not possible: check the blood pressure reading.</source>
        <translation>डायस्टोलिक रक्तचाप {value} mmHg संभव नहीं है: रक्तचाप की रीडिंग जाँचें।</translation>
    </message>
    <message>
        <source>Diastolic pressure {diastolic} mmHg is not below systolic pressure {systolic} mmHg: check the blood pressure reading.</source>
        <translation>डायस्टोलिक रक्तचाप {diastolic} mmHg, सिस्टोलिक रक्तचाप {systolic} mmHg से कम नहीं है: रक्तचाप की रीडिंग जाँचें।</translation>
    </message>
    <message>
        <source>Pulse {value}/min is not possible: count the pulse again.</source>
        <translation>नाड़ी {value}/min संभव नहीं है: नाड़ी दोबारा गिनें।</translation>
    </message>
    <message>
        <source>Temperature {value:.1f} °C is not possible: check the thermometer reading.</source>
        <translation>तापमान {value:.1f} °C संभव नहीं है: थर्मामीटर की रीडिंग जाँचें।</translation>
    </message>
    <message>
        <source>{label}: &apos;{value}&apos; is not a number; enter the reading in figures.</source>
        <translation>{label}: &apos;{value}&apos; संख्या नहीं है; रीडिंग अंकों में दर्ज करें।</translation>
    </message>
    <message>
        <source>{label}: &apos;{value}&apos; is not a date; enter a calendar date.</source>
        <translation>{label}: &apos;{value}&apos; तिथि नहीं है; सही कैलेंडर तिथि दर्ज करें।</translation>
    </message>
    <message>
        <source>{label}: &apos;{value}&apos; is not an answer; answer yes or no.</source>
        <translation>{label}: &apos;{value}&apos; मान्य उत्तर नहीं है; हाँ या नहीं में उत्तर दें।</translation>
    </message>
    <message>
        <source>{label}: {date} is after the visit date {visit_date}: check the date.</source>
        <translation>{label}: {date} विज़िट तिथि {visit_date} के बाद की है: तिथि जाँचें।</translation>
    </message>
    <message>
        <source>Sex &apos;{value}&apos; is not recognised: expected M, F or X.</source>
        <translation>लिंग &apos;{value}&apos; मान्य नहीं है: M, F या X होना चाहिए।</translation>
    </message>
    <message>
        <source>Donation type &apos;{value}&apos; is not recognised: expected whole blood or apheresis.</source>
        <translation>रक्तदान का प्रकार &apos;{value}&apos; मान्य नहीं है: संपूर्ण रक्त या एफेरेसिस होना चाहिए।</translation>
    </message>
    <message>
        <source>Bag volume &apos;{value}&apos; ml is not offered: choose 350 or 450 ml.</source>
        <translation>बैग मात्रा &apos;{value}&apos; ml उपलब्ध नहीं है: 350 या 450 ml चुनें।</translation>
    </message>
    <message>
        <source>A bag volume ({value} ml) applies to whole blood only: clear it for an apheresis donation.</source>
        <translation>बैग मात्रा ({value} ml) केवल संपूर्ण रक्त पर लागू होती है: एफेरेसिस रक्तदान के लिए इसे खाली करें।</translation>
    </message>
    <message>
        <source>The donor is marked as a first-time donor but a donation on {date} is recorded: check the donor history.</source>
        <translation>रक्तदाता को पहली बार का रक्तदाता चिह्नित किया गया है, लेकिन {date} का एक रक्तदान दर्ज है: रक्तदाता का इतिहास जाँचें।</translation>
    </message>
    <message>
        <source>Deferral {code} is marked permanent but ends on {until}: check the deferral record.</source>
        <translation>स्थगन {code} स्थायी चिह्नित है, लेकिन इसकी समाप्ति {until} को दर्ज है: स्थगन (डेफ़रल) रिकॉर्ड जाँचें।</translation>
    </message>
    <message>
        <source>A recorded deferral is incomplete (code &apos;{code}&apos;): check the deferral record.</source>
        <translation>एक दर्ज स्थगन अधूरा है (कोड &apos;{code}&apos;): स्थगन (डेफ़रल) रिकॉर्ड जाँचें।</translation>
    </message>
    <message>
        <source>Questionnaire code &apos;{code}&apos; is not a known screening question: the answer cannot be assessed.</source>
        <translation>प्रश्नावली कोड &apos;{code}&apos; कोई ज्ञात स्क्रीनिंग प्रश्न नहीं है: इस उत्तर का आकलन नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>विज़िट तिथि</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>जन्म तिथि</translation>
    </message>
    <message>
        <source>First-time donor</source>
        <translation>पहली बार का रक्तदाता</translation>
    </message>
    <message>
        <source>Bag volume</source>
        <translation>बैग मात्रा</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>वज़न</translation>
    </message>
    <message>
        <source>Haemoglobin</source>
        <translation>हीमोग्लोबिन</translation>
    </message>
    <message>
        <source>Systolic pressure</source>
        <translation>सिस्टोलिक रक्तचाप</translation>
    </message>
    <message>
        <source>Diastolic pressure</source>
        <translation>डायस्टोलिक रक्तचाप</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>नाड़ी</translation>
    </message>
    <message>
        <source>Pulse regular</source>
        <translation>नाड़ी नियमित</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>तापमान</translation>
    </message>
    <message>
        <source>Last whole blood donation</source>
        <translation>पिछला संपूर्ण रक्तदान</translation>
    </message>
    <message>
        <source>Apheresis donation</source>
        <translation>एफेरेसिस रक्तदान</translation>
    </message>
    <message>
        <source>Recorded deferral</source>
        <translation>दर्ज स्थगन</translation>
    </message>
    <message>
        <source>Donor is {age} years old; the minimum age is {minimum}. The donor may donate from {until}.</source>
        <translation>रक्तदाता की आयु {age} वर्ष है; न्यूनतम आयु {minimum} वर्ष है। रक्तदाता {until} से रक्तदान कर सकते हैं।</translation>
    </message>
    <message>
        <source>Donor is {age} years old; donors may give blood only up to the age of {maximum}.</source>
        <translation>रक्तदाता की आयु {age} वर्ष है; रक्तदान केवल {maximum} वर्ष की आयु तक किया जा सकता है।</translation>
    </message>
    <message>
        <source>Donor is {age} years old and has never donated; a first-time donor must be {maximum} or younger.</source>
        <translation>रक्तदाता की आयु {age} वर्ष है और उन्होंने पहले कभी रक्तदान नहीं किया है; पहली बार के रक्तदाता की आयु {maximum} वर्ष या उससे कम होनी चाहिए।</translation>
    </message>
    <message>
        <source>Donor is {age} years old; apheresis donors must be {maximum} or younger. Whole blood may still be possible.</source>
        <translation>रक्तदाता की आयु {age} वर्ष है; एफेरेसिस रक्तदाता की आयु {maximum} वर्ष या उससे कम होनी चाहिए। संपूर्ण रक्तदान फिर भी संभव हो सकता है।</translation>
    </message>
    <message>
        <source>Donor weighs {weight:.1f} kg; a 350 ml donation needs at least {minimum} kg.</source>
        <translation>रक्तदाता का वज़न {weight:.1f} kg है; 350 ml रक्तदान के लिए कम से कम {minimum} kg वज़न आवश्यक है।</translation>
    </message>
    <message>
        <source>Donor weighs {weight:.1f} kg; a 450 ml donation needs more than {minimum} kg. A 350 ml bag needs at least {minimum_350} kg.</source>
        <translation>रक्तदाता का वज़न {weight:.1f} kg है; 450 ml रक्तदान के लिए {minimum} kg से अधिक वज़न आवश्यक है। 350 ml बैग के लिए कम से कम {minimum_350} kg आवश्यक है।</translation>
    </message>
    <message>
        <source>Donor weighs {weight:.1f} kg; whole blood donation needs at least {minimum} kg.</source>
        <translation>रक्तदाता का वज़न {weight:.1f} kg है; संपूर्ण रक्तदान के लिए कम से कम {minimum} kg वज़न आवश्यक है।</translation>
    </message>
    <message>
        <source>Donor weighs {weight:.1f} kg; apheresis needs at least {minimum} kg.</source>
        <translation>रक्तदाता का वज़न {weight:.1f} kg है; एफेरेसिस के लिए कम से कम {minimum} kg वज़न आवश्यक है।</translation>
    </message>
    <message>
        <source>Haemoglobin {value:.1f} g/dL is below the minimum of {minimum} g/dL. Test again from {until}.</source>
        <translation>हीमोग्लोबिन {value:.1f} g/dL न्यूनतम {minimum} g/dL से कम है। {until} से दोबारा जाँच करें।</translation>
    </message>
    <message>
        <source>Systolic pressure {value} mmHg is below the accepted {low}-{high} mmHg. Measure again from {until}.</source>
        <translation>सिस्टोलिक रक्तचाप {value} mmHg स्वीकार्य सीमा {low}-{high} mmHg से कम है। {until} से दोबारा मापें।</translation>
    </message>
    <message>
        <source>Systolic pressure {value} mmHg is above the accepted {low}-{high} mmHg. Measure again from {until}.</source>
        <translation>सिस्टोलिक रक्तचाप {value} mmHg स्वीकार्य सीमा {low}-{high} mmHg से अधिक है। {until} से दोबारा मापें।</translation>
    </message>
    <message>
        <source>Diastolic pressure {value} mmHg is below the accepted {low}-{high} mmHg. Measure again from {until}.</source>
        <translation>डायस्टोलिक रक्तचाप {value} mmHg स्वीकार्य सीमा {low}-{high} mmHg से कम है। {until} से दोबारा मापें।</translation>
    </message>
    <message>
        <source>Diastolic pressure {value} mmHg is above the accepted {low}-{high} mmHg. Measure again from {until}.</source>
        <translation>डायस्टोलिक रक्तचाप {value} mmHg स्वीकार्य सीमा {low}-{high} mmHg से अधिक है। {until} से दोबारा मापें।</translation>
    </message>
    <message>
        <source>Pulse {value}/min is below the accepted {low}-{high}/min. Examine again from {until}.</source>
        <translation>नाड़ी {value}/min स्वीकार्य सीमा {low}-{high}/min से कम है। {until} से दोबारा जाँच करें।</translation>
    </message>
    <message>
        <source>Pulse {value}/min is above the accepted {low}-{high}/min. Examine again from {until}.</source>
        <translation>नाड़ी {value}/min स्वीकार्य सीमा {low}-{high}/min से अधिक है। {until} से दोबारा जाँच करें।</translation>
    </message>
    <message>
        <source>Pulse is irregular; a donor&apos;s pulse must be regular. Examine again from {until}.</source>
        <translation>नाड़ी अनियमित है; रक्तदाता की नाड़ी नियमित होनी चाहिए। {until} से दोबारा जाँच करें।</translation>
    </message>
    <message>
        <source>Temperature {value:.1f} °C is above {maximum} °C: the donor has fever. Examine again from {until}.</source>
        <translation>तापमान {value:.1f} °C, {maximum} °C से अधिक है: रक्तदाता को बुखार है। {until} से दोबारा जाँच करें।</translation>
    </message>
    <message>
        <source>Last whole blood donation was on {last}; whole blood donations must be {days} days apart, so the next is possible from {until}.</source>
        <translation>पिछला संपूर्ण रक्तदान {last} को हुआ था; दो संपूर्ण रक्तदानों के बीच {days} दिन का अंतर आवश्यक है, इसलिए अगला रक्तदान {until} से संभव है।</translation>
    </message>
    <message>
        <source>Last apheresis donation was on {last}; whole blood may be given {days} days after apheresis, from {until}.</source>
        <translation>पिछला एफेरेसिस रक्तदान {last} को हुआ था; एफेरेसिस के {days} दिन बाद, यानी {until} से, संपूर्ण रक्तदान किया जा सकता है।</translation>
    </message>
    <message>
        <source>Last whole blood donation was on {last}; apheresis may be done {days} days after whole blood, from {until}.</source>
        <translation>पिछला संपूर्ण रक्तदान {last} को हुआ था; संपूर्ण रक्तदान के {days} दिन बाद, यानी {until} से, एफेरेसिस किया जा सकता है।</translation>
    </message>
    <message>
        <source>Last apheresis donation was on {last}; apheresis donations must be at least {hours} hours apart, so the next is possible from {until}.</source>
        <translation>पिछला एफेरेसिस रक्तदान {last} को हुआ था; दो एफेरेसिस रक्तदानों के बीच कम से कम {hours} घंटे का अंतर आवश्यक है, इसलिए अगला एफेरेसिस {until} से संभव है।</translation>
    </message>
    <message>
        <source>Donor has given apheresis {count} times in the last 7 days; the limit is {maximum} in any 7 days, so the next is possible from {until}.</source>
        <translation>रक्तदाता ने पिछले 7 दिनों में {count} बार एफेरेसिस रक्तदान किया है; किसी भी 7 दिनों में अधिकतम सीमा {maximum} बार है, इसलिए अगला एफेरेसिस {until} से संभव है।</translation>
    </message>
    <message>
        <source>Donor has given apheresis {count} times in the last 365 days; the limit is {maximum} a year, so the next is possible from {until}.</source>
        <translation>रक्तदाता ने पिछले 365 दिनों में {count} बार एफेरेसिस रक्तदान किया है; एक वर्ष में अधिकतम सीमा {maximum} बार है, इसलिए अगला एफेरेसिस {until} से संभव है।</translation>
    </message>
    <message>
        <source>Donor is permanently deferred (recorded reason {code}).</source>
        <translation>रक्तदाता स्थायी रूप से स्थगित है (दर्ज कारण {code})।</translation>
    </message>
    <message>
        <source>Donor is deferred (recorded reason {code}); the donor may donate again from {until}.</source>
        <translation>रक्तदाता अस्थायी रूप से स्थगित हैं (दर्ज कारण {code}); रक्तदाता {until} से फिर से रक्तदान कर सकते हैं।</translation>
    </message>
    <message>
        <source>Donor is deferred (recorded reason {code}) with no end date, until a medical officer lifts it.</source>
        <translation>रक्तदाता बिना समाप्ति तिथि के स्थगित है (दर्ज कारण {code}), जब तक चिकित्सा अधिकारी इसे हटा न दें।</translation>
    </message>
    <message>
        <source>{topic}: permanent deferral.</source>
        <translation>{topic}: स्थायी स्थगन।</translation>
    </message>
    <message>
        <source>{topic}: deferred while this applies; ask again at the next visit.</source>
        <translation>{topic}: जब तक यह स्थिति है, तब तक अस्थायी स्थगन; अगली विज़िट पर फिर से पूछें।</translation>
    </message>
    <message>
        <source>{topic}: deferred; the donor may donate from {until}.</source>
        <translation>{topic}: अस्थायी स्थगन; रक्तदाता {until} से रक्तदान कर सकते हैं।</translation>
    </message>
    <message>
        <source>{topic}: {date}. Donation is possible {months} months after this date, from {until}.</source>
        <translation>{topic}: {date}। इस तिथि के {months} महीने बाद, यानी {until} से, रक्तदान संभव है।</translation>
    </message>
    <message>
        <source>{topic}: {date}. Donation is possible {days} days after this date, from {until}.</source>
        <translation>{topic}: {date}। इस तिथि के {days} दिन बाद, यानी {until} से, रक्तदान संभव है।</translation>
    </message>
    <message>
        <source>Is the donor feeling well today?</source>
        <translation>क्या रक्तदाता आज स्वस्थ महसूस कर रहे हैं?</translation>
    </message>
    <message>
        <source>Not feeling well today</source>
        <translation>आज स्वस्थ महसूस नहीं कर रहे</translation>
    </message>
    <message>
        <source>If the donor has had fever or an acute illness (cold, flu, sore throat), on what date did they recover?</source>
        <translation>यदि रक्तदाता को बुखार या कोई तीव्र बीमारी (सर्दी-ज़ुकाम, फ्लू, गले में खराश) हुई थी, तो वे किस तिथि को ठीक हुए?</translation>
    </message>
    <message>
        <source>Recovery from fever or acute illness</source>
        <translation>बुखार या तीव्र बीमारी से ठीक होना</translation>
    </message>
    <message>
        <source>If the donor has had major surgery, on what date did they recover fully?</source>
        <translation>यदि रक्तदाता की बड़ी सर्जरी हुई थी, तो वे किस तिथि को पूरी तरह ठीक हुए?</translation>
    </message>
    <message>
        <source>Recovery from major surgery</source>
        <translation>बड़ी सर्जरी से ठीक होना</translation>
    </message>
    <message>
        <source>If the donor has had minor surgery, on what date did they recover fully?</source>
        <translation>यदि रक्तदाता की छोटी सर्जरी हुई थी, तो वे किस तिथि को पूरी तरह ठीक हुए?</translation>
    </message>
    <message>
        <source>Recovery from minor surgery</source>
        <translation>छोटी सर्जरी से ठीक होना</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s most recent tattoo, if any.</source>
        <translation>रक्तदाता के सबसे हाल के टैटू की तिथि, यदि कोई हो।</translation>
    </message>
    <message>
        <source>Tattoo</source>
        <translation>टैटू</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s most recent ear or body piercing, if any.</source>
        <translation>रक्तदाता के सबसे हाल में कान या शरीर छिदवाने (पियर्सिंग) की तिथि, यदि कोई हो।</translation>
    </message>
    <message>
        <source>Ear or body piercing</source>
        <translation>कान या शरीर छिदवाना (पियर्सिंग)</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s most recent acupuncture, if any.</source>
        <translation>रक्तदाता के सबसे हाल के एक्यूपंक्चर की तिथि, यदि कोई हो।</translation>
    </message>
    <message>
        <source>Acupuncture</source>
        <translation>एक्यूपंक्चर</translation>
    </message>
    <message>
        <source>Is the donor pregnant now?</source>
        <translation>क्या रक्तदाता अभी गर्भवती हैं?</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>गर्भावस्था</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s most recent delivery, if any.</source>
        <translation>रक्तदाता के सबसे हाल के प्रसव की तिथि, यदि कोई हो।</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>प्रसव</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s most recent miscarriage or abortion, if any.</source>
        <translation>रक्तदाता के सबसे हाल के गर्भपात (स्वतः या करवाया गया) की तिथि, यदि कोई हो।</translation>
    </message>
    <message>
        <source>Miscarriage or abortion</source>
        <translation>गर्भपात (स्वतः या करवाया गया)</translation>
    </message>
    <message>
        <source>Is the donor breast-feeding now?</source>
        <translation>क्या रक्तदाता अभी स्तनपान करा रही हैं?</translation>
    </message>
    <message>
        <source>Breast-feeding</source>
        <translation>स्तनपान</translation>
    </message>
    <message>
        <source>If the donor has had malaria, on what date did they recover after full treatment?</source>
        <translation>यदि रक्तदाता को मलेरिया हुआ था, तो पूरे उपचार के बाद वे किस तिथि को ठीक हुए?</translation>
    </message>
    <message>
        <source>Recovery from malaria</source>
        <translation>मलेरिया से ठीक होना</translation>
    </message>
    <message>
        <source>If the donor has had typhoid, on what date did they recover?</source>
        <translation>यदि रक्तदाता को टाइफ़ाइड हुआ था, तो वे किस तिथि को ठीक हुए?</translation>
    </message>
    <message>
        <source>Recovery from typhoid</source>
        <translation>टाइफ़ाइड से ठीक होना</translation>
    </message>
    <message>
        <source>If the donor has had dengue or chikungunya, on what date did they recover?</source>
        <translation>यदि रक्तदाता को डेंगू या चिकनगुनिया हुआ था, तो वे किस तिथि को ठीक हुए?</translation>
    </message>
    <message>
        <source>Recovery from dengue or chikungunya</source>
        <translation>डेंगू या चिकनगुनिया से ठीक होना</translation>
    </message>
    <message>
        <source>If the donor has had jaundice or hepatitis A or E, on what date did they recover?</source>
        <translation>यदि रक्तदाता को पीलिया या हेपेटाइटिस A या E हुआ था, तो वे किस तिथि को ठीक हुए?</translation>
    </message>
    <message>
        <source>Recovery from jaundice or hepatitis A/E</source>
        <translation>पीलिया या हेपेटाइटिस A/E से ठीक होना</translation>
    </message>
    <message>
        <source>Has the donor ever tested positive for HIV, hepatitis B or hepatitis C?</source>
        <translation>क्या रक्तदाता की कभी HIV, हेपेटाइटिस B या हेपेटाइटिस C की जाँच पॉज़िटिव आई है?</translation>
    </message>
    <message>
        <source>HIV, hepatitis B or hepatitis C infection</source>
        <translation>HIV, हेपेटाइटिस B या हेपेटाइटिस C संक्रमण</translation>
    </message>
    <message>
        <source>Is the donor&apos;s spouse or sexual partner living with HIV, hepatitis B or hepatitis C?</source>
        <translation>क्या रक्तदाता के जीवनसाथी या यौन साथी को HIV, हेपेटाइटिस B या हेपेटाइटिस C है?</translation>
    </message>
    <message>
        <source>Partner with HIV, hepatitis B or hepatitis C</source>
        <translation>HIV, हेपेटाइटिस B या हेपेटाइटिस C से ग्रस्त साथी</translation>
    </message>
    <message>
        <source>Has the donor ever injected drugs not prescribed, had sex for money or drugs, or had multiple sexual partners?</source>
        <translation>क्या रक्तदाता ने कभी बिना डॉक्टरी पर्चे के नशीली दवाएँ इंजेक्शन से ली हैं, पैसे या नशीले पदार्थों के बदले यौन संबंध बनाए हैं, या उनके एक से अधिक यौन साथी रहे हैं?</translation>
    </message>
    <message>
        <source>High-risk behaviour</source>
        <translation>उच्च जोखिम वाला व्यवहार</translation>
    </message>
    <message>
        <source>Date the donor last received a blood transfusion, if ever.</source>
        <translation>रक्तदाता को पिछली बार रक्त चढ़ाए जाने की तिथि, यदि कभी चढ़ाया गया हो।</translation>
    </message>
    <message>
        <source>Blood transfusion received</source>
        <translation>रक्त चढ़ाया गया (ट्रांसफ़्यूज़न)</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s most recent live vaccine (measles, mumps, rubella, oral polio, yellow fever, chickenpox, BCG), if any.</source>
        <translation>रक्तदाता को लगे सबसे हाल के जीवित (लाइव) टीके (खसरा, गलसुआ/मम्प्स, रूबेला, ओरल पोलियो, पीत ज्वर, चिकनपॉक्स, BCG) की तिथि, यदि कोई हो।</translation>
    </message>
    <message>
        <source>Live vaccine</source>
        <translation>जीवित (लाइव) टीका</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s most recent rabies vaccine after an animal bite, if any.</source>
        <translation>पशु के काटने के बाद रक्तदाता को लगे सबसे हाल के रेबीज़ टीके की तिथि, यदि कोई हो।</translation>
    </message>
    <message>
        <source>Rabies vaccine after an animal bite</source>
        <translation>पशु के काटने के बाद रेबीज़ टीका</translation>
    </message>
    <message>
        <source>Has the donor drunk alcohol in the last 24 hours?</source>
        <translation>क्या रक्तदाता ने पिछले 24 घंटों में शराब पी है?</translation>
    </message>
    <message>
        <source>Alcohol in the last 24 hours</source>
        <translation>पिछले 24 घंटों में शराब</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s last dose of antibiotics, if taken recently.</source>
        <translation>रक्तदाता द्वारा ली गई एंटीबायोटिक की अंतिम खुराक की तिथि, यदि हाल में ली हो।</translation>
    </message>
    <message>
        <source>Antibiotics</source>
        <translation>एंटीबायोटिक</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s last dose of aspirin or another anti-platelet medicine, if taken recently.</source>
        <translation>रक्तदाता द्वारा ली गई एस्पिरिन या किसी अन्य एंटी-प्लेटलेट दवा की अंतिम खुराक की तिथि, यदि हाल में ली हो।</translation>
    </message>
    <message>
        <source>Aspirin or anti-platelet medicine (platelet donor)</source>
        <translation>एस्पिरिन या एंटी-प्लेटलेट दवा (प्लेटलेट रक्तदाता)</translation>
    </message>
    <message>
        <source>Has the donor fainted after two donations in a row, or fainted with an injury after a donation?</source>
        <translation>क्या रक्तदाता लगातार दो रक्तदानों के बाद बेहोश हुए हैं, या किसी रक्तदान के बाद बेहोश होकर चोटिल हुए हैं?</translation>
    </message>
    <message>
        <source>Severe reaction to an earlier donation</source>
        <translation>पिछले रक्तदान पर गंभीर प्रतिक्रिया</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <source>Centres</source>
        <translation>केंद्र</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>Camps</source>
        <translation>शिविर</translation>
    </message>
    <message>
        <source>Donors</source>
        <translation>रक्तदाता</translation>
    </message>
    <message>
        <source>Screening visits</source>
        <translation>स्क्रीनिंग विज़िट</translation>
    </message>
    <message>
        <source>Deferrals</source>
        <translation>स्थगन</translation>
    </message>
    <message>
        <source>Donations (bags)</source>
        <translation>रक्तदान (बैग)</translation>
    </message>
    <message>
        <source>Laboratory result sets</source>
        <translation>प्रयोगशाला परिणाम सेट</translation>
    </message>
    <message>
        <source>Verifications</source>
        <translation>सत्यापन</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>घटक</translation>
    </message>
    <message>
        <source>Discards</source>
        <translation>नष्ट की गई यूनिट</translation>
    </message>
    <message>
        <source>Blood requests</source>
        <translation>रक्त अनुरोध</translation>
    </message>
    <message>
        <source>Crossmatches</source>
        <translation>क्रॉसमैच</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>निर्गम</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>वापसी</translation>
    </message>
    <message>
        <source>Transfusion reactions</source>
        <translation>ट्रांसफ़्यूज़न प्रतिक्रियाएँ</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>ऑडिट घटनाएँ</translation>
    </message>
</context>
<context>
    <name>Grouping</name>
    <message>
        <source>The {reagent} reaction is weak: resolve it (repeat, extended incubation) before the group counts.</source>
        <translation>{reagent} की प्रतिक्रिया कमज़ोर है: रक्त समूह मान्य करने से पहले इसका समाधान करें (दोबारा जाँच, विस्तारित इनक्यूबेशन)।</translation>
    </message>
    <message>
        <source>Anti-AB does not agree with anti-A and anti-B: repeat the forward grouping.</source>
        <translation>Anti-AB का परिणाम anti-A और anti-B से मेल नहीं खाता: फ़ॉरवर्ड ग्रुपिंग दोबारा करें।</translation>
    </message>
    <message>
        <source>Forward grouping gives {forward} but reverse grouping gives {reverse}: resolve the discrepancy.</source>
        <translation>फ़ॉरवर्ड ग्रुपिंग से {forward} आता है लेकिन रिवर्स ग्रुपिंग से {reverse}: इस विसंगति का समाधान करें।</translation>
    </message>
    <message>
        <source>O cells react with the plasma (possible irregular antibody or autoantibody): investigate.</source>
        <translation>O कोशिकाएँ प्लाज़्मा के साथ प्रतिक्रिया करती हैं (संभवतः अनियमित एंटीबॉडी या ऑटोएंटीबॉडी): जाँच करें।</translation>
    </message>
    <message>
        <source>This donor was grouped {previous} before, now {current}: check the sample identity and regroup.</source>
        <translation>इस रक्तदाता का रक्त समूह पहले {previous} आया था, अब {current} आया है: सैंपल की पहचान जाँचें और रक्त समूह दोबारा जाँचें।</translation>
    </message>
    <message>
        <source>The reverse grouping does not fit any ABO group.</source>
        <translation>रिवर्स ग्रुपिंग किसी भी ABO रक्त समूह से मेल नहीं खाती।</translation>
    </message>
</context>
<context>
    <name>Isbt128</name>
    <message>
        <source>Not specified</source>
        <translation>निर्दिष्ट नहीं</translation>
    </message>
    <message>
        <source>Volunteer allogeneic</source>
        <translation>स्वैच्छिक एलोजेनिक</translation>
    </message>
    <message>
        <source>Volunteer research (not for human use)</source>
        <translation>स्वैच्छिक अनुसंधान (मानव उपयोग हेतु नहीं)</translation>
    </message>
    <message>
        <source>Volunteer source</source>
        <translation>स्वैच्छिक सोर्स (फ्रैक्शनेशन हेतु)</translation>
    </message>
    <message>
        <source>Volunteer therapeutic</source>
        <translation>स्वैच्छिक थेराप्यूटिक</translation>
    </message>
    <message>
        <source>Paid allogeneic</source>
        <translation>सशुल्क एलोजेनिक</translation>
    </message>
    <message>
        <source>Paid research (not for human use)</source>
        <translation>सशुल्क अनुसंधान (मानव उपयोग हेतु नहीं)</translation>
    </message>
    <message>
        <source>Paid source</source>
        <translation>सशुल्क सोर्स (फ्रैक्शनेशन हेतु)</translation>
    </message>
    <message>
        <source>Autologous, eligible for crossover</source>
        <translation>ऑटोलोगस, क्रॉसओवर हेतु योग्य</translation>
    </message>
    <message>
        <source>For autologous use only</source>
        <translation>केवल ऑटोलोगस उपयोग हेतु</translation>
    </message>
    <message>
        <source>For autologous use only, biohazard</source>
        <translation>केवल ऑटोलोगस उपयोग हेतु, बायोहैज़र्ड</translation>
    </message>
    <message>
        <source>Volunteer directed, eligible for crossover</source>
        <translation>स्वैच्छिक डायरेक्टेड, क्रॉसओवर हेतु योग्य</translation>
    </message>
    <message>
        <source>Paid directed, eligible for crossover</source>
        <translation>सशुल्क डायरेक्टेड, क्रॉसओवर हेतु योग्य</translation>
    </message>
    <message>
        <source>For directed recipient use only</source>
        <translation>केवल निर्दिष्ट प्राप्तकर्ता के उपयोग हेतु</translation>
    </message>
    <message>
        <source>For directed recipient use only, limited exposure</source>
        <translation>केवल निर्दिष्ट प्राप्तकर्ता के उपयोग हेतु, सीमित एक्सपोज़र</translation>
    </message>
    <message>
        <source>Medical exception, for the specified recipient only</source>
        <translation>चिकित्सीय अपवाद, केवल निर्दिष्ट प्राप्तकर्ता हेतु</translation>
    </message>
    <message>
        <source>See the special testing barcode</source>
        <translation>विशेष जाँच (स्पेशल टेस्टिंग) बारकोड देखें</translation>
    </message>
    <message>
        <source>For directed recipient use only, biohazard</source>
        <translation>केवल निर्दिष्ट प्राप्तकर्ता के उपयोग हेतु, बायोहैज़र्ड</translation>
    </message>
    <message>
        <source>Designated</source>
        <translation>डेज़िग्नेटेड</translation>
    </message>
    <message>
        <source>Dedicated</source>
        <translation>डेडिकेटेड</translation>
    </message>
    <message>
        <source>Designated, biohazard</source>
        <translation>डेज़िग्नेटेड, बायोहैज़र्ड</translation>
    </message>
    <message>
        <source>Family reserved</source>
        <translation>परिवार हेतु आरक्षित</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>प्रतिस्थापन (रिप्लेसमेंट)</translation>
    </message>
    <message>
        <source>For allogeneic use</source>
        <translation>एलोजेनिक उपयोग हेतु</translation>
    </message>
    <message>
        <source>For autologous use, contains allogeneic material</source>
        <translation>ऑटोलोगस उपयोग हेतु, इसमें एलोजेनिक सामग्री है</translation>
    </message>
    <message>
        <source>Directed, dedicated or designated collection use only</source>
        <translation>केवल डायरेक्टेड, डेडिकेटेड या डेज़िग्नेटेड संग्रह के उपयोग हेतु</translation>
    </message>
    <message>
        <source>Directed, dedicated or designated collection, biohazard</source>
        <translation>डायरेक्टेड, डेडिकेटेड या डेज़िग्नेटेड संग्रह, बायोहैज़र्ड</translation>
    </message>
    <message>
        <source>Directed, dedicated or designated collection, eligible for crossover</source>
        <translation>डायरेक्टेड, डेडिकेटेड या डेज़िग्नेटेड संग्रह, क्रॉसओवर हेतु योग्य</translation>
    </message>
    <message>
        <source>For emergency use only</source>
        <translation>केवल आपातकालीन उपयोग हेतु</translation>
    </message>
    <message>
        <source>no ABO or RhD information is available</source>
        <translation>कोई ABO या RhD जानकारी उपलब्ध नहीं है</translation>
    </message>
    <message>
        <source>autologous collection</source>
        <translation>ऑटोलोगस संग्रह</translation>
    </message>
    <message>
        <source>biohazardous</source>
        <translation>बायोहैज़र्ड (जैविक खतरा)</translation>
    </message>
    <message>
        <source>discard (to be destroyed)</source>
        <translation>डिस्कार्ड करें (नष्ट किया जाना है)</translation>
    </message>
    <message>
        <source>for fractionation use only</source>
        <translation>केवल फ्रैक्शनेशन उपयोग हेतु</translation>
    </message>
    <message>
        <source>quarantine: hold for further testing or processing</source>
        <translation>क्वारंटाइन: आगे की जाँच या प्रोसेसिंग तक रोककर रखें</translation>
    </message>
    <message>
        <source>for research use only</source>
        <translation>केवल अनुसंधान उपयोग हेतु</translation>
    </message>
    <message>
        <source>not for transfusion based on test results</source>
        <translation>जाँच परिणामों के आधार पर ट्रांसफ़्यूज़न हेतु नहीं</translation>
    </message>
    <message>
        <source>No donation number was entered. Scan the DIN barcode or type the 13-character number printed under it, for example G1234 17 654321.</source>
        <translation>कोई रक्तदान संख्या दर्ज नहीं की गई। DIN बारकोड स्कैन करें या उसके नीचे छपी 13 अक्षरों की संख्या टाइप करें, उदाहरण: G1234 17 654321।</translation>
    </message>
    <message>
        <source>The scanned donation number {text} has {count} characters after the &apos;=&apos;; a DIN barcode has 15 (the 13-character number and 2 flag characters). Re-scan the DIN barcode.</source>
        <translation>स्कैन की गई रक्तदान संख्या {text} में &apos;=&apos; के बाद {count} अक्षर हैं; DIN बारकोड में 15 अक्षर होते हैं (13 अक्षरों की संख्या और 2 फ़्लैग अक्षर)। DIN बारकोड दोबारा स्कैन करें।</translation>
    </message>
    <message>
        <source>{text} has {count} characters; a donation number has 13 (for example G1234 17 654321), or 14 with the boxed check character typed after it.</source>
        <translation>{text} में {count} अक्षर हैं; रक्तदान संख्या में 13 अक्षर होते हैं (उदाहरण: G1234 17 654321), या बॉक्स वाला चेक अक्षर बाद में टाइप करने पर 14।</translation>
    </message>
    <message>
        <source>{text} contains &apos;{char}&apos;, which cannot be part of a donation number: use only the digits 0-9 and the letters A-Z.</source>
        <translation>{text} में &apos;{char}&apos; है, जो रक्तदान संख्या का हिस्सा नहीं हो सकता: केवल अंक 0-9 और अक्षर A-Z का उपयोग करें।</translation>
    </message>
    <message>
        <source>The check character typed after {din} is &apos;{char}&apos;; a check character is a digit, a letter A-Z or *. Re-type it from the box beside the number on the label.</source>
        <translation>{din} के बाद टाइप किया गया चेक अक्षर &apos;{char}&apos; है; चेक अक्षर कोई अंक, A-Z का कोई अक्षर या * होता है। लेबल पर संख्या के पास वाले बॉक्स से इसे दोबारा टाइप करें।</translation>
    </message>
    <message>
        <source>The donation number {din} starts with &apos;{char}&apos;; a facility number starts with a letter A-Z other than O, or a digit 1-9. Check the first character on the label.</source>
        <translation>रक्तदान संख्या {din} &apos;{char}&apos; से शुरू होती है; फ़ैसिलिटी नंबर O को छोड़कर A-Z के किसी अक्षर से, या 1-9 के किसी अंक से शुरू होता है। लेबल पर पहला अक्षर जाँचें।</translation>
    </message>
    <message>
        <source>The facility number {fin} at the start of {din} must be a letter or digit followed by 4 digits.</source>
        <translation>{din} की शुरुआत में फ़ैसिलिटी नंबर {fin} में पहले एक अक्षर या अंक और उसके बाद 4 अंक होने चाहिए।</translation>
    </message>
    <message>
        <source>Characters 6-7 of {din} ({found}) are the year and must be 2 digits.</source>
        <translation>{din} के अक्षर 6-7 ({found}) वर्ष दर्शाते हैं और ये 2 अंक होने चाहिए।</translation>
    </message>
    <message>
        <source>Characters 8-13 of {din} ({found}) are the sequence number and must be 6 digits.</source>
        <translation>{din} के अक्षर 8-13 ({found}) क्रम संख्या हैं और ये 6 अंक होने चाहिए।</translation>
    </message>
    <message>
        <source>The check character is {typed} but this DIN&apos;s is {expected}: re-scan or re-type the number.</source>
        <translation>टाइप किया गया चेक अक्षर {typed} है, लेकिन इस DIN का चेक अक्षर {expected} है: संख्या दोबारा स्कैन या टाइप करें।</translation>
    </message>
    <message>
        <source>The flag characters {flags} of the DIN barcode say the check character is {found}, but the check character of {din} is {expected}: the barcode is damaged or misprinted. Re-scan it, or type the number and its check character from the label.</source>
        <translation>DIN बारकोड के फ़्लैग अक्षर {flags} के अनुसार चेक अक्षर {found} है, लेकिन {din} का चेक अक्षर {expected} है: बारकोड क्षतिग्रस्त है या गलत छपा है। इसे दोबारा स्कैन करें, या लेबल से संख्या और उसका चेक अक्षर टाइप करें।</translation>
    </message>
    <message>
        <source>The flag characters {flags} after {din} are not assigned by ISBT 128 (flags run from 00 to 96): the barcode is misprinted or misread. Re-scan it, or type the number from the label.</source>
        <translation>{din} के बाद के फ़्लैग अक्षर {flags} ISBT 128 द्वारा निर्धारित नहीं हैं (फ़्लैग 00 से 96 तक होते हैं): बारकोड गलत छपा है या गलत पढ़ा गया है। इसे दोबारा स्कैन करें, या लेबल से संख्या टाइप करें।</translation>
    </message>
    <message>
        <source>This is the {structure} barcode, not the donation number: scan the DIN barcode (top left of the label).</source>
        <translation>यह {structure} का बारकोड है, रक्तदान संख्या का नहीं: DIN बारकोड (लेबल पर ऊपर बाईं ओर) स्कैन करें।</translation>
    </message>
    <message>
        <source>blood group</source>
        <translation>रक्त समूह</translation>
    </message>
    <message>
        <source>product code</source>
        <translation>उत्पाद कोड</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>समाप्ति तिथि</translation>
    </message>
    <message>
        <source>expiry date and time</source>
        <translation>समाप्ति तिथि और समय</translation>
    </message>
    <message>
        <source>collection date</source>
        <translation>संग्रह तिथि</translation>
    </message>
    <message>
        <source>ISBT 128 {identifier}</source>
        <translation>ISBT 128 {identifier}</translation>
    </message>
    <message>
        <source>{text} is not the {expected} barcode ({expected} barcodes start with {identifier}). Scan the {expected} barcode.</source>
        <translation>{text} {expected} का बारकोड नहीं है ({expected} के बारकोड {identifier} से शुरू होते हैं)। {expected} का बारकोड स्कैन करें।</translation>
    </message>
    <message>
        <source>The {structure} barcode {text} has {count} characters after {identifier}; it should have {expected}. Re-scan the {structure} barcode.</source>
        <translation>{structure} के बारकोड {text} में {identifier} के बाद {count} अक्षर हैं; इसमें {expected} अक्षर होने चाहिए। {structure} का बारकोड दोबारा स्कैन करें।</translation>
    </message>
    <message>
        <source>&apos;{group}&apos; is not a blood group; expected one of O+, O-, A+, A-, B+, B-, AB+ or AB-.</source>
        <translation>&apos;{group}&apos; कोई रक्त समूह नहीं है; O+, O-, A+, A-, B+, B-, AB+ या AB- में से एक होना चाहिए।</translation>
    </message>
    <message>
        <source>Blood group code {code} is not one of the eight ABO/RhD codes this system reads (O- 95, O+ 51, A- 06, A+ 62, B- 17, B+ 73, AB- 28, AB+ 84). It may mark a directed, autologous, pooled or rare-group unit: check the label and ask the medical officer before using this unit.</source>
        <translation>रक्त समूह कोड {code} उन आठ ABO/RhD कोड में से नहीं है जिन्हें यह सिस्टम पढ़ता है (O- 95, O+ 51, A- 06, A+ 62, B- 17, B+ 73, AB- 28, AB+ 84)। यह डायरेक्टेड, ऑटोलोगस, पूल्ड या दुर्लभ रक्त समूह वाली यूनिट का संकेत हो सकता है: इस यूनिट का उपयोग करने से पहले लेबल जाँचें और चिकित्सा अधिकारी से पूछें।</translation>
    </message>
    <message>
        <source>The blood group barcode carries no blood group but the ISBT 128 message {code}: {meaning}. Do not use this unit until the medical officer has reviewed it.</source>
        <translation>रक्त समूह बारकोड में कोई रक्त समूह नहीं है, बल्कि ISBT 128 संदेश {code} है: {meaning}। चिकित्सा अधिकारी की समीक्षा होने तक इस यूनिट का उपयोग न करें।</translation>
    </message>
    <message>
        <source>The phenotype character &apos;{char}&apos; of blood group barcode {text} must be a letter A-Z or a digit. Re-scan the blood group barcode.</source>
        <translation>रक्त समूह बारकोड {text} का फ़ीनोटाइप अक्षर &apos;{char}&apos; A-Z का कोई अक्षर या कोई अंक होना चाहिए। रक्त समूह बारकोड दोबारा स्कैन करें।</translation>
    </message>
    <message>
        <source>The last character of blood group barcode {text} is &apos;{char}&apos;; ISBT 128 reserves it and requires 0. Type the blood group by hand and report the label to the quality administrator.</source>
        <translation>रक्त समूह बारकोड {text} का अंतिम अक्षर &apos;{char}&apos; है; ISBT 128 में यह आरक्षित है और इसे 0 होना चाहिए। रक्त समूह हाथ से टाइप करें और इस लेबल की सूचना गुणवत्ता प्रशासक को दें।</translation>
    </message>
    <message>
        <source>Product code {code} does not describe a blood component: blood component codes start with E or F (for example E1234V00).</source>
        <translation>उत्पाद कोड {code} किसी रक्त घटक का नहीं है: रक्त घटक कोड E या F से शुरू होते हैं (उदाहरण: E1234V00)।</translation>
    </message>
    <message>
        <source>Product description code {code} must be E or F followed by 4 capital letters or digits (for example E1234).</source>
        <translation>उत्पाद विवरण कोड {code} में E या F के बाद 4 बड़े (कैपिटल) अक्षर या अंक होने चाहिए (उदाहरण: E1234)।</translation>
    </message>
    <message>
        <source>&apos;{char}&apos; is not an ISBT 128 donation type (for example V volunteer, C replacement, A autologous, D directed, 0 not specified). Re-scan the product code barcode.</source>
        <translation>&apos;{char}&apos; ISBT 128 का कोई रक्तदान प्रकार नहीं है (उदाहरण: V स्वैच्छिक, C प्रतिस्थापन, A ऑटोलोगस, D डायरेक्टेड, 0 निर्दिष्ट नहीं)। उत्पाद कोड का बारकोड दोबारा स्कैन करें।</translation>
    </message>
    <message>
        <source>The division code &apos;{division}&apos; must be 00 for an undivided unit, or a capital letter or digit followed by a small letter or digit (for example A0 or Ab).</source>
        <translation>डिवीज़न कोड &apos;{division}&apos; अविभाजित यूनिट के लिए 00 होना चाहिए, अन्यथा एक बड़ा (कैपिटल) अक्षर या अंक और उसके बाद एक छोटा अक्षर या अंक (उदाहरण: A0 या Ab)।</translation>
    </message>
    <message>
        <source>No ISBT 128 product code is configured for component {component}: add it to the local product table from your centre&apos;s ICCBBA licence.</source>
        <translation>घटक {component} के लिए कोई ISBT 128 उत्पाद कोड कॉन्फ़िगर नहीं है: अपने केंद्र के ICCBBA लाइसेंस से इसे स्थानीय उत्पाद तालिका में जोड़ें।</translation>
    </message>
    <message>
        <source>The {structure} barcode {text} must have only digits after {identifier}. Re-scan it.</source>
        <translation>{structure} के बारकोड {text} में {identifier} के बाद केवल अंक होने चाहिए। इसे दोबारा स्कैन करें।</translation>
    </message>
    <message>
        <source>The {structure} barcode {text} gives day {day} of {year}, which does not exist: {year} has days 001 to {last}. Re-scan it, or enter the date by hand.</source>
        <translation>{structure} का बारकोड {text} वर्ष {year} का दिन {day} बताता है, जो मौजूद नहीं है: वर्ष {year} में दिन 001 से {last} तक होते हैं। इसे दोबारा स्कैन करें, या तिथि हाथ से दर्ज करें।</translation>
    </message>
    <message>
        <source>The {structure} barcode {text} gives the time {time}, which is not a time of day (00:00 to 23:59). Re-scan it, or enter the time by hand.</source>
        <translation>{structure} का बारकोड {text} समय {time} बताता है, जो दिन का कोई मान्य समय नहीं है (00:00 से 23:59)। इसे दोबारा स्कैन करें, या समय हाथ से दर्ज करें।</translation>
    </message>
    <message>
        <source>{value} cannot be written in an ISBT 128 barcode: the year must be from 2000 to 2999.</source>
        <translation>{value} को ISBT 128 बारकोड में नहीं लिखा जा सकता: वर्ष 2000 से 2999 के बीच होना चाहिए।</translation>
    </message>
    <message>
        <source>Nothing was scanned: scan a barcode on the blood bag label.</source>
        <translation>कुछ भी स्कैन नहीं हुआ: रक्त बैग के लेबल पर कोई बारकोड स्कैन करें।</translation>
    </message>
    <message>
        <source>{text} is not an ISBT 128 barcode (those start with = or &amp;). If it is your centre&apos;s own unit number, enter it where local unit numbers are accepted.</source>
        <translation>{text} ISBT 128 बारकोड नहीं है (ये = या &amp; से शुरू होते हैं)। यदि यह आपके केंद्र की अपनी यूनिट संख्या है, तो इसे वहाँ दर्ज करें जहाँ स्थानीय यूनिट संख्याएँ स्वीकार की जाती हैं।</translation>
    </message>
    <message>
        <source>{text} is an ISBT 128 barcode ({identifier}) that is not read here: scan the donation number, blood group, product code, expiry or collection date barcode.</source>
        <translation>{text} एक ISBT 128 बारकोड ({identifier}) है जिसे यहाँ नहीं पढ़ा जाता: रक्तदान संख्या, रक्त समूह, उत्पाद कोड, समाप्ति तिथि या संग्रह तिथि का बारकोड स्कैन करें।</translation>
    </message>
    <message>
        <source>{fin} is not an ISBT 128 facility number: it has 5 characters, the first A-N, P-Z or 1-9, then 4 digits.</source>
        <translation>{fin} ISBT 128 फ़ैसिलिटी नंबर नहीं है: इसमें 5 अक्षर होते हैं, पहला A-N, P-Z या 1-9, फिर 4 अंक।</translation>
    </message>
</context>
<context>
    <name>Lab</name>
    <message>
        <source>No donation with this number was found.</source>
        <translation>इस संख्या का कोई रक्तदान नहीं मिला।</translation>
    </message>
    <message>
        <source>Donation {din} was voided: results cannot be recorded for it.</source>
        <translation>रक्तदान {din} रद्द (void) किया गया है: इसके परिणाम दर्ज नहीं किए जा सकते।</translation>
    </message>
    <message>
        <source>No laboratory result set with this number was found.</source>
        <translation>इस संख्या का कोई प्रयोगशाला परिणाम सेट नहीं मिला।</translation>
    </message>
    <message>
        <source>The {reagent} reaction {value!r} is not a reading: enter negative, weak or positive.</source>
        <translation>{reagent} की प्रतिक्रिया {value!r} मान्य रीडिंग नहीं है: नेगेटिव, कमज़ोर या पॉज़िटिव दर्ज करें।</translation>
    </message>
    <message>
        <source>The antibody screen {value!r} is not a result: enter negative, positive or not done.</source>
        <translation>एंटीबॉडी स्क्रीन {value!r} मान्य परिणाम नहीं है: नेगेटिव, पॉज़िटिव या &apos;जाँच नहीं हुई&apos; दर्ज करें।</translation>
    </message>
    <message>
        <source>The {marker} result {value!r} is not a result: enter non-reactive, reactive, indeterminate or not done.</source>
        <translation>{marker} का परिणाम {value!r} मान्य परिणाम नहीं है: अप्रतिक्रियाशील, प्रतिक्रियाशील, अनिर्धारित या &apos;जाँच नहीं हुई&apos; दर्ज करें।</translation>
    </message>
    <message>
        <source>Enter the kit and the lot number used for {marker}: every tested marker must be traceable to its kit.</source>
        <translation>{marker} के लिए उपयोग की गई किट और उसका लॉट नंबर दर्ज करें: हर जाँचे गए मार्कर का उसकी किट तक पता लगाया जा सकना चाहिए।</translation>
    </message>
    <message>
        <source>The {what} may be at most {maximum} characters long.</source>
        <translation>{what} में अधिकतम {maximum} अक्षर हो सकते हैं।</translation>
    </message>
    <message>
        <source>kit name</source>
        <translation>किट का नाम</translation>
    </message>
    <message>
        <source>lot number</source>
        <translation>लॉट नंबर</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>टिप्पणियाँ</translation>
    </message>
    <message>
        <source>correction reason</source>
        <translation>सुधार का कारण</translation>
    </message>
    <message>
        <source>Donation {din} already has results entered on {entered}: this entry corrects them, so say why (for example &quot;HBsAg repeated in duplicate&quot;).</source>
        <translation>रक्तदान {din} के परिणाम {entered} को पहले ही दर्ज किए जा चुके हैं: यह प्रविष्टि उन्हें सुधारती है, इसलिए कारण बताएँ (उदाहरण: &quot;HBsAg जाँच डुप्लिकेट में दोहराई गई&quot;)।</translation>
    </message>
    <message>
        <source>Donation {din} has no results yet, so there is nothing to correct: check the DIN, or leave the reason empty.</source>
        <translation>रक्तदान {din} के अभी कोई परिणाम नहीं हैं, इसलिए सुधारने के लिए कुछ नहीं है: DIN जाँचें, या कारण खाली छोड़ दें।</translation>
    </message>
    <message>
        <source>These results of donation {din} were replaced by a correction: verify the correction instead.</source>
        <translation>रक्तदान {din} के ये परिणाम एक सुधार द्वारा बदल दिए गए हैं: इसके बजाय सुधार का सत्यापन करें।</translation>
    </message>
    <message>
        <source>These results of donation {din} are already verified.</source>
        <translation>रक्तदान {din} के ये परिणाम पहले ही सत्यापित हो चुके हैं।</translation>
    </message>
    <message>
        <source>You entered these results of donation {din}, so you cannot verify them: a second laboratory technician must check them against the worksheet and verify.</source>
        <translation>रक्तदान {din} के ये परिणाम आपने दर्ज किए हैं, इसलिए आप इनका सत्यापन नहीं कर सकते: किसी दूसरे प्रयोगशाला तकनीशियन को इन्हें वर्कशीट से मिलाकर सत्यापित करना होगा।</translation>
    </message>
    <message>
        <source>Donation {din} groups as {group} but the donor&apos;s recorded group is {donor_group}: check the sample identity and regroup; no unit is released until this is resolved.</source>
        <translation>रक्तदान {din} का रक्त समूह {group} आया है, लेकिन रक्तदाता का दर्ज रक्त समूह {donor_group} है: सैंपल की पहचान जाँचें और रक्त समूह दोबारा जाँचें; इसका समाधान होने तक कोई यूनिट रिलीज़ नहीं होगी।</translation>
    </message>
    <message>
        <source>superseded by a correction: {reason}</source>
        <translation>एक सुधार द्वारा प्रतिस्थापित: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>bbms-desktop: blood centre</source>
        <translation>bbms-desktop: रक्त केंद्र</translation>
    </message>
    <message>
        <source>TRAINING: bbms-desktop</source>
        <translation>प्रशिक्षण: bbms-desktop</translation>
    </message>
    <message>
        <source>bbms-desktop</source>
        <translation>bbms-desktop</translation>
    </message>
</context>
<context>
    <name>Numbering</name>
    <message>
        <source>This machine has no {series} left to hand out: sync with the server to get a new block.</source>
        <translation>इस मशीन में देने के लिए अब {series} शेष नहीं हैं: नया ब्लॉक पाने के लिए सर्वर से सिंक करें।</translation>
    </message>
    <message>
        <source>donor numbers</source>
        <translation>रक्तदाता संख्याएँ</translation>
    </message>
    <message>
        <source>request numbers</source>
        <translation>अनुरोध संख्याएँ</translation>
    </message>
    <message>
        <source>camp codes</source>
        <translation>शिविर कोड</translation>
    </message>
    <message>
        <source>donation numbers (DIN)</source>
        <translation>रक्तदान संख्याएँ (DIN)</translation>
    </message>
    <message>
        <source>Centre {code} has no ISBT 128 facility number, so it cannot label bags.</source>
        <translation>केंद्र {code} का कोई ISBT 128 फ़ैसिलिटी नंबर नहीं है, इसलिए यह बैग पर लेबल नहीं लगा सकता।</translation>
    </message>
    <message>
        <source>DIN {din} belongs to facility {fin}, not to this centre ({own}): use this centre&apos;s bags.</source>
        <translation>DIN {din} फ़ैसिलिटी {fin} का है, इस केंद्र ({own}) का नहीं: इसी केंद्र के बैग का उपयोग करें।</translation>
    </message>
    <message>
        <source>DIN {din} is already used for another donation.</source>
        <translation>DIN {din} पहले ही किसी अन्य रक्तदान के लिए उपयोग हो चुका है।</translation>
    </message>
    <message>
        <source>DIN {din} is in a range reserved for another machine (a camp laptop): use a different bag.</source>
        <translation>DIN {din} किसी अन्य मशीन (शिविर लैपटॉप) के लिए आरक्षित श्रेणी में है: कोई दूसरा बैग उपयोग करें।</translation>
    </message>
    <message>
        <source>Only {available} numbers are left in this machine&apos;s block; ask for at most that many.</source>
        <translation>इस मशीन के ब्लॉक में केवल {available} संख्याएँ बची हैं; अधिकतम इतनी ही संख्याएँ माँगें।</translation>
    </message>
    <message>
        <source>A block must hold at least one number.</source>
        <translation>ब्लॉक में कम से कम एक संख्या होनी चाहिए।</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Refresh</source>
        <translation>रीफ़्रेश करें</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>Changes waiting to sync: {pending}. Refused by the server: {dead}.</source>
        <translation>सिंक की प्रतीक्षा में बदलाव: {pending}। सर्वर द्वारा अस्वीकृत: {dead}।</translation>
    </message>
</context>
<context>
    <name>RegisterImport</name>
    <message>
        <source>You are importing these laboratory results, so you cannot also be their verifier: name a second laboratory technician who checked the source records.</source>
        <translation>आप ये प्रयोगशाला परिणाम आयात कर रहे हैं, इसलिए आप इनके सत्यापनकर्ता नहीं हो सकते: स्रोत रिकॉर्ड जाँचने वाले दूसरे प्रयोगशाला तकनीशियन का नाम दें।</translation>
    </message>
    <message>
        <source>{name} ({role}) may not verify laboratory results: name a laboratory technician who checked the source records.</source>
        <translation>{name} ({role}) प्रयोगशाला परिणामों का सत्यापन नहीं कर सकते: स्रोत रिकॉर्ड जाँचने वाले प्रयोगशाला तकनीशियन का नाम दें।</translation>
    </message>
    <message>
        <source>{name} is not an active user of this centre with that role, so cannot verify the imported results: choose another laboratory technician.</source>
        <translation>{name} इस केंद्र में उस भूमिका के सक्रिय उपयोगकर्ता नहीं हैं, इसलिए आयात किए गए परिणामों का सत्यापन नहीं कर सकते: कोई अन्य प्रयोगशाला तकनीशियन चुनें।</translation>
    </message>
    <message>
        <source>The batch size must be a whole number of at least 1.</source>
        <translation>बैच का आकार कम से कम 1 की पूर्ण संख्या होना चाहिए।</translation>
    </message>
    <message>
        <source>Old donor number &apos;{value}&apos; cannot be kept: use at most {maximum} letters, digits, &apos;-&apos; or &apos;/&apos;.</source>
        <translation>पुराना रक्तदाता नंबर &apos;{value}&apos; नहीं रखा जा सकता: अधिकतम {maximum} अक्षर, अंक, &apos;-&apos; या &apos;/&apos; का उपयोग करें।</translation>
    </message>
    <message>
        <source>Old donor number {number} has the form of the numbers this centre hands out ({prefix}...), so it could clash with a new donor: import without keeping old numbers.</source>
        <translation>पुराना रक्तदाता नंबर {number} उसी रूप का है जो यह केंद्र देता है ({prefix}...), इसलिए यह किसी नए रक्तदाता से टकरा सकता है: पुराने नंबर रखे बिना आयात करें।</translation>
    </message>
    <message>
        <source>Donor number {number} is already used by another donor: correct it in the file, or import without keeping old numbers.</source>
        <translation>रक्तदाता नंबर {number} पहले से किसी अन्य रक्तदाता का है: फ़ाइल में इसे सुधारें, या पुराने नंबर रखे बिना आयात करें।</translation>
    </message>
    <message>
        <source>&apos;{group}&apos; is not a blood group: expected one of O+, O-, A+, A-, B+, B-, AB+ or AB-.</source>
        <translation>&apos;{group}&apos; रक्त समूह नहीं है: O+, O-, A+, A-, B+, B-, AB+ या AB- में से एक अपेक्षित है।</translation>
    </message>
    <message>
        <source>Donation {din} was grouped {group}, but this donor&apos;s record says {other}: check the source records (a sample or identity error); the donor is not imported until they agree.</source>
        <translation>रक्तदान {din} का रक्त समूह {group} पाया गया, पर इस रक्तदाता के रिकॉर्ड में {other} है: स्रोत रिकॉर्ड जाँचें (नमूने या पहचान की त्रुटि); दोनों के मेल खाने तक रक्तदाता आयात नहीं होगा।</translation>
    </message>
    <message>
        <source>Say whether donation {din} was collected by another centre: yes or no.</source>
        <translation>बताएँ कि क्या रक्तदान {din} किसी अन्य केंद्र ने एकत्र किया था: हाँ या नहीं।</translation>
    </message>
    <message>
        <source>DIN {din} appears more than once in this import: each bag has its own DIN; check the file.</source>
        <translation>DIN {din} इस आयात में एक से अधिक बार है: हर बैग का अपना DIN होता है; फ़ाइल जाँचें।</translation>
    </message>
    <message>
        <source>Enter when donation {din} was collected, as a date and time with its time zone.</source>
        <translation>रक्तदान {din} कब एकत्र हुआ, यह समय क्षेत्र सहित तिथि और समय के रूप में दर्ज करें।</translation>
    </message>
    <message>
        <source>Donation {din} is dated {when}, which is in the future: check the collection date.</source>
        <translation>रक्तदान {din} की तिथि {when} है, जो भविष्य में है: संग्रह की तिथि जाँचें।</translation>
    </message>
    <message>
        <source>Donation {din} is dated {when}, before the donor&apos;s date of birth ({date_of_birth}): check both dates.</source>
        <translation>रक्तदान {din} की तिथि {when} है, जो रक्तदाता की जन्मतिथि ({date_of_birth}) से पहले है: दोनों तिथियाँ जाँचें।</translation>
    </message>
    <message>
        <source>Enter the {label} recorded when donation {din} was collected.</source>
        <translation>रक्तदान {din} के संग्रह के समय दर्ज {label} दर्ज करें।</translation>
    </message>
    <message>
        <source>{label} of donation {din} must be a whole number of ml.</source>
        <translation>रक्तदान {din} का {label} ml की पूर्ण संख्या होना चाहिए।</translation>
    </message>
    <message>
        <source>The bag volume</source>
        <translation>बैग का आयतन</translation>
    </message>
    <message>
        <source>The collected volume</source>
        <translation>एकत्रित आयतन</translation>
    </message>
    <message>
        <source>Enter the date deferral {code} started, as a calendar date.</source>
        <translation>स्थगन {code} शुरू होने की तिथि कैलेंडर तिथि के रूप में दर्ज करें।</translation>
    </message>
    <message>
        <source>Deferral {code} starts on {starts_on}, after today ({today}): check the date.</source>
        <translation>स्थगन {code} {starts_on} को शुरू होता है, जो आज ({today}) के बाद है: तिथि जाँचें।</translation>
    </message>
    <message>
        <source>Deferral {code} ends on {until}, which is not after its start ({starts_on}): the end is the first day the donor may donate again.</source>
        <translation>स्थगन {code} {until} को समाप्त होता है, जो इसकी शुरुआत ({starts_on}) के बाद नहीं है: समाप्ति वह पहला दिन है जब रक्तदाता फिर से रक्तदान कर सकता है।</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Registrar</source>
        <translation>पंजीकरण कर्मी</translation>
    </message>
    <message>
        <source>Medical officer</source>
        <translation>चिकित्सा अधिकारी</translation>
    </message>
    <message>
        <source>Phlebotomist</source>
        <translation>फ़्लेबोटोमिस्ट</translation>
    </message>
    <message>
        <source>Laboratory technician</source>
        <translation>प्रयोगशाला तकनीशियन</translation>
    </message>
    <message>
        <source>Component technician</source>
        <translation>घटक तकनीशियन</translation>
    </message>
    <message>
        <source>Issue counter</source>
        <translation>निर्गम काउंटर</translation>
    </message>
    <message>
        <source>Quality / administrator</source>
        <translation>गुणवत्ता / प्रशासक</translation>
    </message>
    <message>
        <source>Camp operator</source>
        <translation>शिविर संचालक</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>प्रशिक्षक</translation>
    </message>
    <message>
        <source>Spoke health worker</source>
        <translation>स्पोक स्वास्थ्य कर्मी</translation>
    </message>
    <message>
        <source>Hub doctor</source>
        <translation>हब डॉक्टर</translation>
    </message>
    <message>
        <source>register donors</source>
        <translation>रक्तदाताओं का पंजीकरण करना</translation>
    </message>
    <message>
        <source>change donor details</source>
        <translation>रक्तदाता का विवरण बदलना</translation>
    </message>
    <message>
        <source>screen donors</source>
        <translation>रक्तदाताओं की स्क्रीनिंग करना</translation>
    </message>
    <message>
        <source>defer donors</source>
        <translation>रक्तदाताओं को स्थगित (डेफ़र) करना</translation>
    </message>
    <message>
        <source>collect blood</source>
        <translation>रक्त संग्रह करना</translation>
    </message>
    <message>
        <source>enter laboratory results</source>
        <translation>प्रयोगशाला परिणाम दर्ज करना</translation>
    </message>
    <message>
        <source>verify laboratory results</source>
        <translation>प्रयोगशाला परिणामों का सत्यापन करना</translation>
    </message>
    <message>
        <source>separate components</source>
        <translation>घटक पृथक करना</translation>
    </message>
    <message>
        <source>release components from quarantine</source>
        <translation>घटकों को क्वारंटाइन से रिलीज़ करना</translation>
    </message>
    <message>
        <source>record blood requests</source>
        <translation>रक्त अनुरोध दर्ज करना</translation>
    </message>
    <message>
        <source>record crossmatches</source>
        <translation>क्रॉसमैच दर्ज करना</translation>
    </message>
    <message>
        <source>reserve units</source>
        <translation>यूनिट आरक्षित करना</translation>
    </message>
    <message>
        <source>issue units</source>
        <translation>यूनिट जारी करना</translation>
    </message>
    <message>
        <source>authorise RhD-positive red cells for an RhD-negative patient</source>
        <translation>RhD नेगेटिव रोगी के लिए RhD पॉज़िटिव लाल रक्त कोशिकाएँ अधिकृत करना</translation>
    </message>
    <message>
        <source>receive returned units</source>
        <translation>लौटाई गई यूनिट प्राप्त करना</translation>
    </message>
    <message>
        <source>discard units</source>
        <translation>यूनिट नष्ट (डिस्कार्ड) करना</translation>
    </message>
    <message>
        <source>record transfusion reactions</source>
        <translation>ट्रांसफ़्यूज़न प्रतिक्रियाएँ दर्ज करना</translation>
    </message>
    <message>
        <source>plan camps</source>
        <translation>शिविरों की योजना बनाना</translation>
    </message>
    <message>
        <source>manage user accounts</source>
        <translation>उपयोगकर्ता खाते प्रबंधित करना</translation>
    </message>
    <message>
        <source>view the audit trail</source>
        <translation>ऑडिट ट्रेल देखना</translation>
    </message>
</context>
<context>
    <name>Screening</name>
    <message>
        <source>The screening is not complete: enter {fields}.</source>
        <translation>स्क्रीनिंग पूरी नहीं है; ये दर्ज करें: {fields}।</translation>
    </message>
    <message>
        <source>Choose the donation type: whole blood or apheresis.</source>
        <translation>रक्तदान का प्रकार चुनें: संपूर्ण रक्त या एफेरेसिस।</translation>
    </message>
    <message>
        <source>The camp chosen for this visit was not found: choose the camp again.</source>
        <translation>इस विज़िट के लिए चुना गया शिविर नहीं मिला: शिविर दोबारा चुनें।</translation>
    </message>
    <message>
        <source>Camp {code} is closed: donors can no longer be screened for it.</source>
        <translation>शिविर {code} बंद हो चुका है: इसके लिए अब रक्तदाताओं की स्क्रीनिंग नहीं की जा सकती।</translation>
    </message>
    <message>
        <source>Camp {code} runs from {starts} to {ends}, not today ({today}): choose the right camp or none.</source>
        <translation>शिविर {code} {starts} से {ends} तक है, आज ({today}) नहीं: सही शिविर चुनें, या कोई शिविर न चुनें।</translation>
    </message>
    <message>
        <source>The notes are too long: at most {maximum} characters.</source>
        <translation>टिप्पणियाँ बहुत लंबी हैं: अधिकतम {maximum} अक्षर हो सकते हैं।</translation>
    </message>
    <message>
        <source>Deferral reason code &apos;{code}&apos; is not valid: use capital letters, digits and underscores (at most {maximum}).</source>
        <translation>स्थगन कारण कोड &apos;{code}&apos; मान्य नहीं है: केवल बड़े (कैपिटल) अक्षर, अंक और अंडरस्कोर (_) का उपयोग करें (अधिकतम {maximum})।</translation>
    </message>
    <message>
        <source>Write why the donor is deferred: other centres and later visits will read it.</source>
        <translation>लिखें कि रक्तदाता को क्यों स्थगित किया गया है: अन्य केंद्र और आगे की विज़िट में इसे पढ़ा जाएगा।</translation>
    </message>
    <message>
        <source>The deferral detail is too long: at most {maximum} characters.</source>
        <translation>स्थगन का विवरण बहुत लंबा है: अधिकतम {maximum} अक्षर हो सकते हैं।</translation>
    </message>
    <message>
        <source>A permanent deferral has no end date: clear the end date, or untick &apos;permanent&apos;.</source>
        <translation>स्थायी स्थगन की कोई समाप्ति तिथि नहीं होती: समाप्ति तिथि हटाएँ, या &apos;स्थायी&apos; का टिक हटाएँ।</translation>
    </message>
    <message>
        <source>Enter the first day the donor may donate again, or mark the deferral permanent.</source>
        <translation>वह पहला दिन दर्ज करें जब रक्तदाता फिर से रक्तदान कर सकते हैं, या स्थगन को स्थायी चिह्नित करें।</translation>
    </message>
    <message>
        <source>The deferral must end after today ({today}): {until} is the first day the donor may donate again.</source>
        <translation>स्थगन आज ({today}) के बाद समाप्त होना चाहिए: {until} वह पहला दिन है जब रक्तदाता फिर से रक्तदान कर सकते हैं।</translation>
    </message>
    <message>
        <source>Say whether the deferral is permanent: yes or no.</source>
        <translation>बताएँ कि स्थगन स्थायी है या नहीं: हाँ या नहीं।</translation>
    </message>
</context>
<context>
    <name>SetUpPage</name>
    <message>
        <source>This installation is not set up yet. Enter your blood centre and its first administrator; you can sign in offline from then on.</source>
        <translation>यह इंस्टॉलेशन अभी सेट नहीं हुआ है। अपने रक्त केंद्र और उसके पहले प्रशासक का विवरण दर्ज करें; इसके बाद आप ऑफ़लाइन भी साइन इन कर सकेंगे।</translation>
    </message>
    <message>
        <source>Centre code</source>
        <translation>केंद्र कोड</translation>
    </message>
    <message>
        <source>Centre name</source>
        <translation>केंद्र का नाम</translation>
    </message>
    <message>
        <source>ISBT 128 facility number (FIN)</source>
        <translation>ISBT 128 फ़ैसिलिटी नंबर (FIN)</translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation>लाइसेंस नंबर</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ज़िला</translation>
    </message>
    <message>
        <source>State</source>
        <translation>राज्य</translation>
    </message>
    <message>
        <source>Administrator username</source>
        <translation>प्रशासक का उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <source>Administrator full name</source>
        <translation>प्रशासक का पूरा नाम</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>पासवर्ड दोबारा</translation>
    </message>
    <message>
        <source>Set up this centre</source>
        <translation>यह केंद्र सेट करें</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same password twice.</source>
        <translation>दोनों पासवर्ड अलग हैं; एक ही पासवर्ड दो बार टाइप करें।</translation>
    </message>
</context>
<context>
    <name>ShelfLife</name>
    <message>
        <source>{minimum}–{maximum} °C</source>
        <translation>{minimum}–{maximum} °C</translation>
    </message>
    <message>
        <source>{minimum}–{maximum} °C, continuous agitation</source>
        <translation>{minimum}–{maximum} °C, लगातार हिलाते हुए (एजिटेशन)</translation>
    </message>
    <message>
        <source>≤ {maximum} °C</source>
        <translation>≤ {maximum} °C</translation>
    </message>
    <message>
        <source>{value!r} is not a date and time: expected both, e.g. collection time.</source>
        <translation>{value!r} तिथि और समय नहीं है: दोनों आवश्यक हैं, जैसे संग्रह का समय।</translation>
    </message>
    <message>
        <source>The expiry and the current time must both carry a time zone, or both not: got {expires} and {now}.</source>
        <translation>समाप्ति समय और वर्तमान समय, दोनों में टाइम ज़ोन होना चाहिए या दोनों में नहीं: मिले {expires} और {now}।</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>This profile was set up as standalone centre {code}; it cannot join a server&apos;s centre. Enrol a new profile.</source>
        <translation>यह प्रोफ़ाइल स्वतंत्र केंद्र {code} के रूप में बनाई गई थी; यह सर्वर के किसी केंद्र से नहीं जुड़ सकती। नई प्रोफ़ाइल नामांकित करें।</translation>
    </message>
    <message>
        <source>This profile belongs to centre {own}; it cannot be enrolled for centre {other}. Enrol a new profile.</source>
        <translation>यह प्रोफ़ाइल केंद्र {own} की है; इसे केंद्र {other} के लिए नामांकित नहीं किया जा सकता। नई प्रोफ़ाइल नामांकित करें।</translation>
    </message>
    <message>
        <source>The server did not send centre {code}: try the enrolment again.</source>
        <translation>सर्वर ने केंद्र {code} नहीं भेजा: नामांकन फिर से करें।</translation>
    </message>
    <message>
        <source>Refused by the central server: {message}</source>
        <translation>केंद्रीय सर्वर ने अस्वीकार किया: {message}</translation>
    </message>
    <message>
        <source>This profile is not enrolled with a central server: enrol it first (bbms-desktop enrol).</source>
        <translation>यह प्रोफ़ाइल किसी केंद्रीय सर्वर के साथ नामांकित नहीं है: पहले इसे नामांकित करें (bbms-desktop enrol)।</translation>
    </message>
    <message>
        <source>The central server at {url} cannot be reached ({detail}). Work goes on offline; sync will retry.</source>
        <translation>{url} पर केंद्रीय सर्वर से संपर्क नहीं हो पा रहा ({detail})। काम ऑफ़लाइन जारी रहेगा; सिंक फिर से प्रयास करेगा।</translation>
    </message>
    <message>
        <source>The central server refused the request ({code}): {message}</source>
        <translation>केंद्रीय सर्वर ने अनुरोध अस्वीकार किया ({code}): {message}</translation>
    </message>
    <message>
        <source>The central server sent an answer this version cannot read ({detail}).</source>
        <translation>केंद्रीय सर्वर ने ऐसा उत्तर भेजा जिसे यह संस्करण पढ़ नहीं सकता ({detail})।</translation>
    </message>
</context>
<context>
    <name>Transfusion</name>
    <message>
        <source>Enter the {what}: it is required on a blood request.</source>
        <translation>{what} दर्ज करें: रक्त अनुरोध में यह आवश्यक है।</translation>
    </message>
    <message>
        <source>The {what} is too long: at most {limit} characters.</source>
        <translation>{what} की लंबाई अधिक है: अधिकतम {limit} अक्षर हो सकते हैं।</translation>
    </message>
    <message>
        <source>Choose the patient&apos;s sex: male (M), female (F) or other (X).</source>
        <translation>रोगी का लिंग चुनें: पुरुष (M), महिला (F) या अन्य (X)।</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s date of birth or age in years: the age decides which units are safe.</source>
        <translation>रोगी की जन्म तिथि या आयु (वर्षों में) दर्ज करें: आयु से तय होता है कि कौन-सी यूनिट सुरक्षित हैं।</translation>
    </message>
    <message>
        <source>The patient&apos;s date of birth {dob} is in the future.</source>
        <translation>रोगी की जन्म तिथि {dob} भविष्य में है।</translation>
    </message>
    <message>
        <source>A patient age of {age} years is not possible: enter whole years from 0 to {limit}.</source>
        <translation>रोगी की आयु {age} वर्ष संभव नहीं है: 0 से {limit} तक पूरे वर्ष दर्ज करें।</translation>
    </message>
    <message>
        <source>The age {age} years does not match the date of birth {dob} (which makes {computed} years): correct one of them.</source>
        <translation>आयु {age} वर्ष जन्म तिथि {dob} से मेल नहीं खाती (जिसके अनुसार आयु {computed} वर्ष है): इनमें से एक को सुधारें।</translation>
    </message>
    <message>
        <source>Patient group {group!r} is not a blood group: choose one of {groups}, or &apos;unknown&apos; if not grouped.</source>
        <translation>रोगी का रक्त समूह {group!r} कोई रक्त समूह नहीं है: {groups} में से एक चुनें, या रक्त समूह जाँचा न गया हो तो &apos;unknown&apos; चुनें।</translation>
    </message>
    <message>
        <source>Unknown component {code!r}: choose one of {codes}.</source>
        <translation>अज्ञात घटक {code!r}: {codes} में से एक चुनें।</translation>
    </message>
    <message>
        <source>Enter how many units are requested: 1 or more, not {units}.</source>
        <translation>कितनी यूनिट माँगी गई हैं, यह दर्ज करें: 1 या अधिक, {units} नहीं।</translation>
    </message>
    <message>
        <source>Choose the urgency: routine, urgent or emergency.</source>
        <translation>तात्कालिकता चुनें: सामान्य (रूटीन), तत्काल (अर्जेंट) या आपातकालीन।</translation>
    </message>
    <message>
        <source>The {what} must be a date and time with its time zone, not {value!r}.</source>
        <translation>{what} टाइम ज़ोन सहित तिथि और समय होना चाहिए, {value!r} नहीं।</translation>
    </message>
    <message>
        <source>The &apos;required by&apos; time {when} has already passed: enter when the blood is still needed.</source>
        <translation>&apos;कब तक आवश्यक&apos; का समय {when} पहले ही बीत चुका है: वह समय दर्ज करें जब तक रक्त की आवश्यकता है।</translation>
    </message>
    <message>
        <source>Answer yes or no for {what}.</source>
        <translation>{what}: हाँ या नहीं में उत्तर दें।</translation>
    </message>
    <message>
        <source>patient&apos;s name</source>
        <translation>रोगी का नाम</translation>
    </message>
    <message>
        <source>patient&apos;s hospital registration number</source>
        <translation>रोगी का अस्पताल पंजीकरण नंबर</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>अस्पताल</translation>
    </message>
    <message>
        <source>ward</source>
        <translation>वार्ड</translation>
    </message>
    <message>
        <source>bed</source>
        <translation>बेड</translation>
    </message>
    <message>
        <source>diagnosis</source>
        <translation>निदान</translation>
    </message>
    <message>
        <source>requesting doctor&apos;s name</source>
        <translation>अनुरोध करने वाले डॉक्टर का नाम</translation>
    </message>
    <message>
        <source>requesting doctor&apos;s medical council registration number</source>
        <translation>अनुरोध करने वाले डॉक्टर का मेडिकल काउंसिल पंजीकरण नंबर</translation>
    </message>
    <message>
        <source>&apos;required by&apos; time</source>
        <translation>&apos;कब तक आवश्यक&apos; का समय</translation>
    </message>
    <message>
        <source>whether the patient has anti-D</source>
        <translation>क्या रोगी में anti-D है</translation>
    </message>
    <message>
        <source>reason for cancelling the request</source>
        <translation>अनुरोध निरस्त करने का कारण</translation>
    </message>
    <message>
        <source>name of the person collecting the unit for the ward</source>
        <translation>वार्ड के लिए यूनिट ले जाने वाले व्यक्ति का नाम</translation>
    </message>
    <message>
        <source>crossmatch notes</source>
        <translation>क्रॉसमैच टिप्पणी</translation>
    </message>
    <message>
        <source>medical officer&apos;s reason for the RhD override</source>
        <translation>RhD ओवरराइड के लिए चिकित्सा अधिकारी का कारण</translation>
    </message>
    <message>
        <source>time the unit came back</source>
        <translation>यूनिट वापस आने का समय</translation>
    </message>
    <message>
        <source>reason for the return</source>
        <translation>वापसी का कारण</translation>
    </message>
    <message>
        <source>whether the seal is intact</source>
        <translation>क्या सील सही-सलामत है</translation>
    </message>
    <message>
        <source>whether the unit was kept at its storage temperature</source>
        <translation>क्या यूनिट को उसके भंडारण तापमान पर रखा गया था</translation>
    </message>
    <message>
        <source>time the reaction began</source>
        <translation>प्रतिक्रिया शुरू होने का समय</translation>
    </message>
    <message>
        <source>description of the reaction</source>
        <translation>प्रतिक्रिया का विवरण</translation>
    </message>
    <message>
        <source>current time</source>
        <translation>वर्तमान समय</translation>
    </message>
    <message>
        <source>No blood request with this number was found.</source>
        <translation>इस संख्या का कोई रक्त अनुरोध नहीं मिला।</translation>
    </message>
    <message>
        <source>No issue record was found for this unit.</source>
        <translation>इस यूनिट का कोई निर्गम रिकॉर्ड नहीं मिला।</translation>
    </message>
    <message>
        <source>Request {number} was voided as entered in error: nothing more can be done on it.</source>
        <translation>अनुरोध {number} गलत प्रविष्टि के कारण रद्द (void) किया गया था: इस पर अब आगे कोई कार्रवाई नहीं हो सकती।</translation>
    </message>
    <message>
        <source>Request {number} was cancelled: ask the ward for a new request if blood is still needed.</source>
        <translation>अनुरोध {number} निरस्त कर दिया गया था: यदि रक्त की अब भी आवश्यकता है, तो वार्ड से नया अनुरोध मँगवाएँ।</translation>
    </message>
    <message>
        <source>All {units} units of request {number} are already issued: the doctor must request more.</source>
        <translation>अनुरोध {number} की सभी {units} यूनिट पहले ही जारी हो चुकी हैं: और यूनिट के लिए डॉक्टर को नया अनुरोध करना होगा।</translation>
    </message>
    <message>
        <source>Request {number} is fulfilled (all units issued) and cannot be cancelled: receive unused units as returns.</source>
        <translation>अनुरोध {number} पूरा हो चुका है (सभी यूनिट जारी) और इसे निरस्त नहीं किया जा सकता: अप्रयुक्त यूनिट को वापसी के रूप में प्राप्त करें।</translation>
    </message>
    <message>
        <source>The signed-in user&apos;s centre is not known here: sync, then try again.</source>
        <translation>साइन इन किए हुए उपयोगकर्ता का केंद्र यहाँ ज्ञात नहीं है: सिंक करें, फिर दोबारा प्रयास करें।</translation>
    </message>
    <message>
        <source>Unit {din} cannot be crossmatched for request {number}: {reasons}</source>
        <translation>अनुरोध {number} के लिए यूनिट {din} का क्रॉसमैच नहीं किया जा सकता: {reasons}</translation>
    </message>
    <message>
        <source>Unit {din} cannot be reserved for request {number}: {reasons}</source>
        <translation>अनुरोध {number} के लिए यूनिट {din} आरक्षित नहीं की जा सकती: {reasons}</translation>
    </message>
    <message>
        <source>Do not issue unit {din} for request {number}: {reasons}</source>
        <translation>अनुरोध {number} के लिए यूनिट {din} जारी न करें: {reasons}</translation>
    </message>
    <message>
        <source>it is still in quarantine (not released by the laboratory)</source>
        <translation>यह अभी क्वारंटाइन में है (प्रयोगशाला ने रिलीज़ नहीं की है)</translation>
    </message>
    <message>
        <source>it is marked unsafe</source>
        <translation>यह असुरक्षित चिह्नित है</translation>
    </message>
    <message>
        <source>it is marked expired</source>
        <translation>यह अवधि समाप्त चिह्नित है</translation>
    </message>
    <message>
        <source>it was discarded</source>
        <translation>यह नष्ट की जा चुकी है</translation>
    </message>
    <message>
        <source>it is already issued</source>
        <translation>यह पहले ही जारी हो चुकी है</translation>
    </message>
    <message>
        <source>it was already transfused</source>
        <translation>यह पहले ही चढ़ाई जा चुकी है</translation>
    </message>
    <message>
        <source>it is reserved for another patient&apos;s request ({other})</source>
        <translation>यह किसी अन्य रोगी के अनुरोध ({other}) के लिए आरक्षित है</translation>
    </message>
    <message>
        <source>it is already reserved for this request</source>
        <translation>यह पहले से इसी अनुरोध के लिए आरक्षित है</translation>
    </message>
    <message>
        <source>it expired at {expires} (UTC)</source>
        <translation>इसकी अवधि {expires} (UTC) को समाप्त हो गई</translation>
    </message>
    <message>
        <source>its laboratory results do not clear it: {blockers}</source>
        <translation>इसके प्रयोगशाला परिणाम इसे मंज़ूरी नहीं देते: {blockers}</translation>
    </message>
    <message>
        <source>its blood group is not confirmed on the unit</source>
        <translation>यूनिट पर इसके रक्त समूह की पुष्टि नहीं हुई है</translation>
    </message>
    <message>
        <source>it is labelled group {label} but the current verified result says {lab}: quarantine it and check the label</source>
        <translation>इस पर रक्त समूह {label} का लेबल है, लेकिन वर्तमान सत्यापित परिणाम {lab} है: इसे क्वारंटाइन करें और लेबल जाँचें</translation>
    </message>
    <message>
        <source>it is {actual}, but the doctor requested {requested}</source>
        <translation>यह {actual} है, लेकिन डॉक्टर का अनुरोध {requested} के लिए है</translation>
    </message>
    <message>
        <source>it has no compatible crossmatch for this patient: crossmatch it first (only an emergency request may take uncrossmatched units)</source>
        <translation>इस रोगी के साथ इसका कोई संगत क्रॉसमैच नहीं है: पहले इसका क्रॉसमैच करें (बिना क्रॉसमैच की यूनिट केवल आपातकालीन अनुरोध पर दी जा सकती हैं)</translation>
    </message>
    <message>
        <source>its latest crossmatch with this patient&apos;s sample was incompatible</source>
        <translation>इस रोगी के सैंपल के साथ इसका नवीनतम क्रॉसमैच असंगत था</translation>
    </message>
    <message>
        <source>the request already has {held} of its {units} units reserved or issued</source>
        <translation>अनुरोध की {units} यूनिट में से {held} पहले ही आरक्षित या जारी हो चुकी हैं</translation>
    </message>
    <message>
        <source>{name} may not authorise an RhD override: only a medical officer may.</source>
        <translation>{name} RhD ओवरराइड अधिकृत नहीं कर सकते: यह केवल चिकित्सा अधिकारी कर सकते हैं।</translation>
    </message>
    <message>
        <source>The medical officer {name} is not an active user of this centre: they cannot authorise this.</source>
        <translation>चिकित्सा अधिकारी {name} इस केंद्र के सक्रिय उपयोगकर्ता नहीं हैं: वे इसे अधिकृत नहीं कर सकते।</translation>
    </message>
    <message>
        <source>Unit {din} is RhD-compatible with this patient: issue it without an RhD override.</source>
        <translation>यूनिट {din} इस रोगी के लिए RhD संगत है: इसे RhD ओवरराइड के बिना जारी करें।</translation>
    </message>
    <message>
        <source>the patient has anti-D, so RhD-positive red cells must not be given even with a medical officer&apos;s override</source>
        <translation>रोगी में anti-D है, इसलिए चिकित्सा अधिकारी के ओवरराइड के बावजूद RhD पॉज़िटिव लाल रक्त कोशिकाएँ नहीं दी जानी चाहिए</translation>
    </message>
    <message>
        <source>an RhD override is allowed only for a man over {male_age} or a woman over {female_age}; this patient is {sex}, {age} years old: give RhD-negative units</source>
        <translation>RhD ओवरराइड केवल {male_age} वर्ष से अधिक आयु के पुरुष या {female_age} वर्ष से अधिक आयु की महिला के लिए अनुमत है; यह रोगी {sex} है, आयु {age} वर्ष: RhD नेगेटिव यूनिट दें</translation>
    </message>
    <message>
        <source>male</source>
        <translation>पुरुष</translation>
    </message>
    <message>
        <source>female</source>
        <translation>महिला</translation>
    </message>
    <message>
        <source>of other sex</source>
        <translation>अन्य लिंग का</translation>
    </message>
    <message>
        <source>Unknown crossmatch method {method!r}: choose immediate spin, AHG, gel or electronic.</source>
        <translation>अज्ञात क्रॉसमैच विधि {method!r}: इमीडिएट स्पिन, AHG, जेल या इलेक्ट्रॉनिक में से चुनें।</translation>
    </message>
    <message>
        <source>Unknown crossmatch result {result!r}: choose compatible or incompatible.</source>
        <translation>अज्ञात क्रॉसमैच परिणाम {result!r}: संगत या असंगत चुनें।</translation>
    </message>
    <message>
        <source>Unit {din} is not out on this issue any more ({state}): nothing to record against it.</source>
        <translation>यूनिट {din} अब इस निर्गम पर बाहर नहीं है ({state}): इसके लिए कुछ दर्ज नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>This issue of unit {din} was voided as entered in error.</source>
        <translation>यूनिट {din} का यह निर्गम गलत प्रविष्टि के कारण रद्द (void) किया गया था।</translation>
    </message>
    <message>
        <source>already returned</source>
        <translation>पहले ही लौटाई जा चुकी</translation>
    </message>
    <message>
        <source>The return time {returned} is before the unit was issued ({issued}): check the time.</source>
        <translation>वापसी का समय {returned} यूनिट जारी होने के समय ({issued}) से पहले का है: समय जाँचें।</translation>
    </message>
    <message>
        <source>The {what} {when} is in the future: check the time.</source>
        <translation>{what} {when} भविष्य में है: समय जाँचें।</translation>
    </message>
    <message>
        <source>the seal is not intact</source>
        <translation>सील सही-सलामत नहीं है</translation>
    </message>
    <message>
        <source>its storage temperature was not kept</source>
        <translation>इसका भंडारण तापमान बनाए नहीं रखा गया</translation>
    </message>
    <message>
        <source>it came back {minutes} minutes after issue, over the {limit}-minute limit</source>
        <translation>यह जारी होने के {minutes} मिनट बाद वापस आई, जो {limit} मिनट की सीमा से अधिक है</translation>
    </message>
    <message>
        <source>it has expired ({expires} UTC)</source>
        <translation>इसकी अवधि समाप्त हो चुकी है ({expires} UTC)</translation>
    </message>
    <message>
        <source>the laboratory results no longer support this unit ({reasons}): it is a look-back unit</source>
        <translation>प्रयोगशाला परिणाम अब इस यूनिट का समर्थन नहीं करते ({reasons}): यह लुक-बैक यूनिट है</translation>
    </message>
    <message>
        <source>a transfusion reaction was reported with it: keep the bag for the reaction investigation</source>
        <translation>इसके साथ ट्रांसफ़्यूज़न प्रतिक्रिया की सूचना मिली है: प्रतिक्रिया की जाँच के लिए बैग सुरक्षित रखें</translation>
    </message>
    <message>
        <source>Unknown transfusion reaction type {value!r}: choose from the list.</source>
        <translation>अज्ञात ट्रांसफ़्यूज़न प्रतिक्रिया प्रकार {value!r}: सूची से चुनें।</translation>
    </message>
    <message>
        <source>Unknown severity {value!r}: choose from the list.</source>
        <translation>अज्ञात गंभीरता {value!r}: सूची से चुनें।</translation>
    </message>
    <message>
        <source>The reaction cannot begin ({onset}) before unit {din} was issued ({issued}): check the time.</source>
        <translation>प्रतिक्रिया ({onset}) यूनिट {din} के जारी होने ({issued}) से पहले शुरू नहीं हो सकती: समय जाँचें।</translation>
    </message>
</context>
<context>
    <name>UnitOfWork</name>
    <message>
        <source>Records are never deleted: void it with a reason instead.</source>
        <translation>रिकॉर्ड कभी हटाए नहीं जाते: इसके बजाय कारण लिखकर इसे रद्द (void) करें।</translation>
    </message>
    <message>
        <source>This record is saved and cannot be changed; record a correction that refers to it instead.</source>
        <translation>यह रिकॉर्ड सहेजा जा चुका है और इसे बदला नहीं जा सकता; इसके बजाय इसका संदर्भ देते हुए एक सुधार दर्ज करें।</translation>
    </message>
    <message>
        <source>Your role ({role}) may not {action}.</source>
        <translation>आपकी भूमिका ({role}) को इसकी अनुमति नहीं है: {action}।</translation>
    </message>
    <message>
        <source>Sign in first: only a signed-in user may {action}.</source>
        <translation>पहले साइन इन करें। केवल साइन इन किए हुए उपयोगकर्ता को इसकी अनुमति है: {action}।</translation>
    </message>
    <message>
        <source>This profile has no device state: open it through the app.</source>
        <translation>इस प्रोफ़ाइल में कोई डिवाइस स्थिति नहीं है: इसे ऐप के माध्यम से खोलें।</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>HIV-1/2</source>
        <translation>HIV-1/2</translation>
    </message>
    <message>
        <source>HBsAg (hepatitis B)</source>
        <translation>HBsAg (हेपेटाइटिस B)</translation>
    </message>
    <message>
        <source>HCV (hepatitis C)</source>
        <translation>HCV (हेपेटाइटिस C)</translation>
    </message>
    <message>
        <source>Syphilis</source>
        <translation>सिफ़लिस</translation>
    </message>
    <message>
        <source>Malaria</source>
        <translation>मलेरिया</translation>
    </message>
    <message>
        <source>Non-reactive</source>
        <translation>अप्रतिक्रियाशील</translation>
    </message>
    <message>
        <source>Reactive</source>
        <translation>प्रतिक्रियाशील</translation>
    </message>
    <message>
        <source>Indeterminate</source>
        <translation>अनिर्धारित</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>जाँच नहीं हुई</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>क्वारंटाइन</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>उपलब्ध</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>आरक्षित</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>जारी</translation>
    </message>
    <message>
        <source>Transfused</source>
        <translation>चढ़ाया गया</translation>
    </message>
    <message>
        <source>Unsafe</source>
        <translation>असुरक्षित</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>अवधि समाप्त</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>नष्ट किया गया</translation>
    </message>
</context>
</TS>
