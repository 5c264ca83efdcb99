<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AttentionSubject</name>
    <message>
        <location filename="../app/attention/attention_subject.cpp" line="28"/>
        <source>start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <location filename="../app/attention/attention_subject.cpp" line="29"/>
        <source>end</source>
        <translation>Ende</translation>
    </message>
</context>
<context>
    <name>GenerationSettings</name>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="53"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="54"/>
        <source>Negative prompt</source>
        <translation>Negativ-Prompt</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="55"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="56"/>
        <source>Scheduler</source>
        <translation>Scheduler</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="57"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="58"/>
        <source>Guidance</source>
        <translation>CFG-Skala</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="59"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="60"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="65"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="66"/>
        <source>image %1 of a batch of %2, seed %3</source>
        <translation>Bild %1 eines Stapels von %2, Seed %3</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="67"/>
        <source>batch of %1 from seed %2, image %3</source>
        <translation>Stapel von %1 aus Seed %2, Bild %3</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="69"/>
        <source>Init image</source>
        <translation>Ausgangsbild</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="70"/>
        <source>%1, strength %2</source>
        <translation>%1, Stärke %2</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="71"/>
        <source>Mask</source>
        <translation>Maske</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="73"/>
        <source>Variation</source>
        <translation>Variation</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="74"/>
        <source>toward seed %1, strength %2</source>
        <translation>zu Seed %1 hin, Stärke %2</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="75"/>
        <source>Eta</source>
        <translation>Eta</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="76"/>
        <source>Model files</source>
        <translation>Modelldateien</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="78"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="80"/>
        <source>Made with</source>
        <translation>Erstellt mit</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="80"/>
        <source>BK-SDM Studio %1</source>
        <translation>BK-SDM Studio %1</translation>
    </message>
</context>
<context>
    <name>GridPlan</name>
    <message>
        <location filename="../app/grid_plan.cpp" line="61"/>
        <source>Give the X axis.</source>
        <translation>Geben Sie die X-Achse an.</translation>
    </message>
    <message>
        <location filename="../app/grid_plan.cpp" line="62"/>
        <source>A grid has at most three axes.</source>
        <translation>Ein Raster hat höchstens drei Achsen.</translation>
    </message>
    <message>
        <location filename="../app/grid_plan.cpp" line="65"/>
        <source>Give the %1 axis before the %2.</source>
        <translation>Geben Sie die %1-Achse vor der %2-Achse an.</translation>
    </message>
    <message>
        <location filename="../app/grid_plan.cpp" line="67"/>
        <source>A grid&apos;s cells are one image each: set Images to 1.</source>
        <translation>Jede Zelle eines Rasters ist ein Bild: setzen Sie „Bilder“ auf 1.</translation>
    </message>
</context>
<context>
    <name>ImageFile</name>
    <message>
        <location filename="../app/gallery/image_file.cpp" line="112"/>
        <source>Cannot create the gallery folder %1.</source>
        <translation>Der Galerieordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../app/gallery/image_file.cpp" line="117"/>
        <source>Cannot read the attention maps %1: %2</source>
        <translation>Die Aufmerksamkeitskarten %1 können nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>InputImages</name>
    <message>
        <location filename="../app/input_images.cpp" line="36"/>
        <source>The image could not be kept as a PNG.</source>
        <translation>Das Bild konnte nicht als PNG gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../app/input_images.cpp" line="49"/>
        <source>Could not keep a copy of the image in %1: %2</source>
        <translation>In %1 konnte keine Kopie des Bildes abgelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>NewFiles</name>
    <message>
        <location filename="../app/gallery/new_files.cpp" line="32"/>
        <source>Cannot save in %1: %2 (%3)</source>
        <translation>In %1 kann nicht gespeichert werden: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../app/gallery/new_files.cpp" line="46"/>
        <source>writing failed</source>
        <translation>Schreiben fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gallery/new_files.cpp" line="63"/>
        <source>cannot create a file</source>
        <translation>Datei kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../app/gallery/new_files.cpp" line="68"/>
        <location filename="../app/gallery/new_files.cpp" line="72"/>
        <source>writing to the disk failed</source>
        <translation>Schreiben auf den Datenträger fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gallery/new_files.cpp" line="98"/>
        <location filename="../app/gallery/new_files.cpp" line="102"/>
        <source>cannot rename the written file</source>
        <translation>Geschriebene Datei kann nicht umbenannt werden</translation>
    </message>
    <message>
        <location filename="../app/gallery/new_files.cpp" line="144"/>
        <source>no free file name</source>
        <translation>Kein freier Dateiname</translation>
    </message>
</context>
<context>
    <name>bksdm::AttentionPanel</name>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="60"/>
        <source>Tokens: %1</source>
        <translation>Token: %1</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="68"/>
        <source>Click to show it; Ctrl+click to compare several.</source>
        <translation>Klicken zum Anzeigen, Strg+Klick zum Vergleichen mehrerer Wörter.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="156"/>
        <source>No attention maps for this image. Turn on Generate ▸ Record Attention Maps and run again to see which words shaped which parts of it.</source>
        <translation>Für dieses Bild gibt es keine Aufmerksamkeitskarten. Erzeugen ▸ Aufmerksamkeitskarten aufzeichnen einschalten und erneut erzeugen, um zu sehen, welche Wörter welche Bildteile geprägt haben.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="162"/>
        <source>Which image of the batch</source>
        <translation>Welches Bild des Stapels</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="172"/>
        <source>How strongly the heat map covers the image</source>
        <translation>Wie stark die Heatmap das Bild überdeckt</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="163"/>
        <source>All to&amp;kens</source>
        <translation>Alle &amp;Token</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="43"/>
        <source>steps %1–%2</source>
        <translation>Schritte %1–%2</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="46"/>
        <source>steps %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="51"/>
        <source>Token slot %1 of %2 (chunk %3): %4</source>
        <translation>Token-Position %1 von %2 (Abschnitt %3): %4</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="58"/>
        <source>“%1” was cut: its tokens fall past the prompt&apos;s length limit, so it has no map.</source>
        <translation>„%1“ wurde abgeschnitten: Seine Token liegen hinter der Längengrenze des Prompts, daher hat es keine Karte.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="62"/>
        <source>Some of its tokens fall past the prompt&apos;s length limit; the map uses the rest.</source>
        <translation>Einige seiner Token liegen hinter der Längengrenze des Prompts; die Karte nutzt die übrigen.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="65"/>
        <source>In force while the prompt read “%1” (%2); its map covers those steps.</source>
        <translation>Gültig, solange der Prompt „%1“ lautete (%2); seine Karte umfasst diese Schritte.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="86"/>
        <source>│ chunk %1</source>
        <translation>│ Abschnitt %1</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="88"/>
        <source>The prompt is read in chunks of 75 tokens, each encoded on its own</source>
        <translation>Der Prompt wird in Abschnitten zu 75 Token gelesen, jeder für sich kodiert</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="96"/>
        <source>%1 %2 %</source>
        <comment>a word and its share of the attention in percent</comment>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="107"/>
        <source>The overlay&apos;s colours: each map runs from its own lowest value to its highest, so the colours compare places within one map, not one word with another</source>
        <translation>Die Farben der Überlagerung: Jede Karte reicht von ihrem eigenen kleinsten bis zu ihrem größten Wert, die Farben vergleichen also Stellen innerhalb einer Karte, nicht ein Wort mit einem anderen</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="114"/>
        <source>low</source>
        <comment>the colour scale&apos;s lowest value</comment>
        <translation>niedrig</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="116"/>
        <source>high</source>
        <comment>the colour scale&apos;s highest value</comment>
        <translation>hoch</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/attention/attention_panel.cpp" line="124"/>
        <source>+%n padding</source>
        <comment>slots after the end token</comment>
        <translation>
            <numerusform>+%n Füllposition</numerusform>
            <numerusform>+%n Füllpositionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/attention/attention_panel.cpp" line="126"/>
        <source>%n padding slot(s) after the end token, which fill the chunk to 77: they hold no word of the prompt, so they are not shown one by one</source>
        <translation>
            <numerusform>%n Füllposition nach dem End-Token, die den Abschnitt auf 77 auffüllt: Sie enthält kein Wort des Prompts und wird daher nicht einzeln gezeigt</numerusform>
            <numerusform>%n Füllpositionen nach dem End-Token, die den Abschnitt auf 77 auffüllen: Sie enthalten kein Wort des Prompts und werden daher nicht einzeln gezeigt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="164"/>
        <source>The token slots one by one: the start token, the prompt&apos;s pieces and the end token</source>
        <translation>Die Token-Positionen einzeln: das Start-Token, die Teile des Prompts und das End-Token</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="165"/>
        <source>Negative pr&amp;ompt</source>
        <translation>Negativ-Pr&amp;ompt</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="167"/>
        <source>The negative prompt&apos;s words and maps: what each of them steered the image away from</source>
        <translation>Die Wörter und Karten des Negativ-Prompts: wovon jedes das Bild weggelenkt hat</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="173"/>
        <source>E&amp;xport PNG…</source>
        <translation>PNG e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="174"/>
        <source>Save the chosen words&apos; overlays as PNG files</source>
        <translation>Die Überlagerungen der gewählten Wörter als PNG-Dateien speichern</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="175"/>
        <source>Export &amp;maps…</source>
        <translation>&amp;Karten exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="176"/>
        <source>Save the raw maps of every image (and every step, when kept) as safetensors</source>
        <translation>Die Rohdaten der Karten aller Bilder (und aller Schritte, falls aufbewahrt) als safetensors speichern</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="179"/>
        <source>Attention:</source>
        <translation>Aufmerksamkeit:</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="184"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="198"/>
        <source>The range&apos;s last step: the maps accumulated up to it, when did a word start to matter?</source>
        <translation>Der letzte Schritt des Bereichs: die bis zu ihm gesammelten Karten – ab wann zählte ein Wort?</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="201"/>
        <source>The range&apos;s first step: from 2 on, the maps show what the steps of the range added (the maps up to the last step less those before the first)</source>
        <translation>Der erste Schritt des Bereichs: ab 2 zeigen die Karten, was die Schritte des Bereichs beitrugen (die Karten bis zum letzten Schritt abzüglich derer vor dem ersten)</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="207"/>
        <source>Steps from</source>
        <translation>Schritte von</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="209"/>
        <source>to</source>
        <comment>steps from 3 to 10</comment>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="609"/>
        <source>%1–%2 of %3</source>
        <comment>steps 3–10 of 25</comment>
        <translation>%1–%2 von %3</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="215"/>
        <source>What keeping every step&apos;s maps cost this run on the app&apos;s side: copying each step&apos;s maps out of the run. The U-Net&apos;s own recording of the attention is not in this figure.</source>
        <translation>Was das Aufbewahren der Karten jedes Schritts diesen Lauf auf Seiten der App gekostet hat: das Kopieren der Karten jedes Schritts aus dem Lauf. Die Aufzeichnung der Attention im U-Net selbst ist in dieser Zahl nicht enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="224"/>
        <source>A word&apos;s share at a place: its map&apos;s value there over the sum of all the prompt&apos;s words&apos; values there (the start token and padding left out)</source>
        <translation>Der Anteil eines Worts an einer Stelle: der Wert seiner Karte dort, geteilt durch die Summe der Werte aller Wörter des Prompts dort (ohne Start-Token und Füllpositionen)</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="229"/>
        <source>One cross-attention layer&apos;s maps over the whole run, at its own resolution upsampled to the latent&apos;s; all layers: their mean, the run&apos;s maps</source>
        <translation>Die Karten einer Cross-Attention-Schicht über den ganzen Lauf, von ihrer eigenen Auflösung auf die des Latents vergrößert; alle Schichten: ihr Mittel, die Karten des Laufs</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="233"/>
        <source>One attention head of the layer, or the mean of its heads</source>
        <translation>Ein Attention-Kopf der Schicht oder das Mittel ihrer Köpfe</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="237"/>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="239"/>
        <source>Head</source>
        <translation>Kopf</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="242"/>
        <source>Keep per-layer maps</source>
        <translation>Karten je Schicht behalten</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="244"/>
        <source>The next runs keep each cross-attention layer&apos;s maps, so that one layer or head can be shown: about 66 MB more per 512×512 image with SD v1.4&apos;s layers</source>
        <translation>Die nächsten Läufe behalten die Karten jeder Cross-Attention-Schicht, damit eine Schicht oder ein Kopf gezeigt werden kann: etwa 66 MB mehr je 512×512-Bild mit den Schichten von SD v1.4</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="310"/>
        <source>Image %1 of %2</source>
        <translation>Bild %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="517"/>
        <source>All layers</source>
        <translation>Alle Schichten</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="535"/>
        <source>All heads</source>
        <translation>Alle Köpfe</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="536"/>
        <source>Head %1 of %2</source>
        <translation>Kopf %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="541"/>
        <source>A layer&apos;s maps are over the whole run: choose all layers for a step range</source>
        <translation>Die Karten einer Schicht gelten für den ganzen Lauf: für einen Schrittbereich alle Schichten wählen</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="556"/>
        <source>At this step the prompt read: “%1”</source>
        <translation>In diesem Schritt lautete der Prompt: „%1“</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="560"/>
        <source>“%1” (%2)</source>
        <translation>„%1“ (%2)</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="561"/>
        <source>The prompt read, in turn: %1</source>
        <translation>Der Prompt lautete nacheinander: %1</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="575"/>
        <source>Point at the image to rank the words by their share of the attention there.</source>
        <translation>Zeigen Sie auf das Bild, um die Wörter nach ihrem Anteil an der Attention dort zu ordnen.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="576"/>
        <source>At the pointer: %1</source>
        <translation>Am Mauszeiger: %1</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="583"/>
        <source>(keeping them: ~%1 ms a step)</source>
        <translation>(Aufbewahren: ~%1 ms pro Schritt)</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="594"/>
        <source>“%1” and “%2” overlap: IoU %3 of their top %4 %</source>
        <translation>„%1“ und „%2“ überlappen: IoU %3 ihrer oberen %4 %</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="597"/>
        <source>The intersection over union of the two maps&apos; top regions, each map&apos;s top %1 % of pixels (ties at its threshold included): 1 is the same region, 0 no pixel in common</source>
        <translation>Schnittmenge durch Vereinigung der oberen Bereiche beider Karten, je die oberen %1 % der Pixel einer Karte (Gleichstände an der Schwelle eingeschlossen): 1 ist derselbe Bereich, 0 kein gemeinsames Pixel</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="637"/>
        <source>Choose one or more words first.</source>
        <translation>Zuerst ein oder mehrere Wörter wählen.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="645"/>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="656"/>
        <source>There are no attention maps to export.</source>
        <translation>Es gibt keine Aufmerksamkeitskarten zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="670"/>
        <source>Export overlays to</source>
        <translation>Überlagerungen exportieren nach</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/attention/attention_panel.cpp" line="676"/>
        <source>Saved %n overlay(s) to %1.</source>
        <translation>
            <numerusform>%n Überlagerung in %1 gespeichert.</numerusform>
            <numerusform>%n Überlagerungen in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="683"/>
        <source>Export attention maps</source>
        <translation>Aufmerksamkeitskarten exportieren</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="684"/>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="688"/>
        <source>Saved the maps to %1.</source>
        <translation>Karten in %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>bksdm::BlobMessages</name>
    <message>
        <location filename="../app/hub/blob_download.cpp" line="26"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../app/hub/blob_download.cpp" line="30"/>
        <source>%1 arrived damaged (its SHA-256 differs from the Hub&apos;s); it is fetched again.</source>
        <translation>%1 kam beschädigt an (die SHA-256-Prüfsumme weicht von der des Hubs ab); die Datei wird erneut geladen.</translation>
    </message>
    <message>
        <location filename="../app/hub/blob_download.cpp" line="34"/>
        <source>%1 arrived with %2 bytes instead of %3; it is fetched again.</source>
        <translation>%1 kam mit %2 statt %3 Byte an; die Datei wird erneut geladen.</translation>
    </message>
    <message>
        <location filename="../app/hub/blob_download.cpp" line="37"/>
        <source>The server cannot resume %1; it is fetched again.</source>
        <translation>Der Server kann %1 nicht fortsetzen; die Datei wird von vorn geladen.</translation>
    </message>
</context>
<context>
    <name>bksdm::CacheMessages</name>
    <message>
        <location filename="../app/hub/hub_cache_repo.cpp" line="22"/>
        <source>Cannot write %1 in the Hugging Face cache: %2</source>
        <translation>%1 kann nicht in den Hugging-Face-Cache geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>bksdm::ClientMessages</name>
    <message>
        <location filename="../app/hub/hub_client.cpp" line="27"/>
        <source>%1 did not answer as the Hugging Face Hub does (%2). Check HF_ENDPOINT.</source>
        <translation>%1 antwortet nicht wie der Hugging Face Hub (%2). HF_ENDPOINT prüfen.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_client.cpp" line="29"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>bksdm::DownloadProgressView</name>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="31"/>
        <source>Cancel download</source>
        <translation>Herunterladen abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="47"/>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="50"/>
        <source>All files:</source>
        <translation>Alle Dateien:</translation>
    </message>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="90"/>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="94"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="95"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/hub/download_progress_view.cpp" line="102"/>
        <source>%n s left</source>
        <translation>
            <numerusform>noch %n s</numerusform>
            <numerusform>noch %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="103"/>
        <source>%1 min %2 s left</source>
        <translation>noch %1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="104"/>
        <source>%1 h %2 min left</source>
        <translation>noch %1 h %2 min</translation>
    </message>
</context>
<context>
    <name>bksdm::GridPanel</name>
    <message>
        <location filename="../ui/grid_panel.cpp" line="27"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="28"/>
        <source>Prompt S/R</source>
        <translation>Prompt S/R</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="28"/>
        <source>cat, dog, fox: the first is searched in the prompts</source>
        <translation>Katze, Hund, Fuchs: der erste wird in den Prompts gesucht</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="29"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="29"/>
        <source>1, 2, 3, or +4: four from the form&apos;s seed</source>
        <translation>1, 2, 3 oder +4: vier ab dem Seed des Formulars</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="30"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="30"/>
        <source>10, 25, 50, or 10-50 [5]</source>
        <translation>10, 25, 50 oder 10-50 [5]</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="31"/>
        <source>Guidance</source>
        <translation>CFG-Skala</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="31"/>
        <source>5, 7.5, 9, or 4-11 (+1.5)</source>
        <translation>5, 7.5, 9 oder 4-11 (+1.5)</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="32"/>
        <source>Sampler</source>
        <translation>Sampler</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="32"/>
        <source>Euler a, DDIM, DPM++ 2M Karras</source>
        <translation>Euler a, DDIM, DPM++ 2M Karras</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="33"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="33"/>
        <source>512x512, 640x384</source>
        <translation>512x512, 640x384</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="34"/>
        <source>Denoising strength</source>
        <translation>Entrauschungsstärke</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="34"/>
        <source>0.3-0.9 [4]</source>
        <translation>0.3-0.9 [4]</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="35"/>
        <source>LoRA multiplier</source>
        <translation>LoRA-Multiplikator</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="35"/>
        <source>NAME: 0, 0.5, 1</source>
        <translation>NAME: 0, 0.5, 1</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="36"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="37"/>
        <source>repo ids or folders: nota-ai/bk-sdm-small, CompVis/stable-diffusion-v1-4</source>
        <translation>Repo-IDs oder Ordner: nota-ai/bk-sdm-small, CompVis/stable-diffusion-v1-4</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="41"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="42"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="43"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="50"/>
        <source>X (columns)</source>
        <translation>X (Spalten)</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="50"/>
        <source>Y (rows)</source>
        <translation>Y (Zeilen)</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="50"/>
        <source>Z (grids)</source>
        <translation>Z (Raster)</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="72"/>
        <source>Make Grid</source>
        <translation>Raster erstellen</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="96"/>
        <source>Reuse Settings (with This Seed)</source>
        <translation>Einstellungen übernehmen (mit diesem Seed)</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="142"/>
        <source>Images: %1</source>
        <translation>Bilder: %1</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="143"/>
        <source> · to make: %1</source>
        <translation> · zu erstellen: %1</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="145"/>
        <source> · about %1 at the last run&apos;s pace</source>
        <translation> · etwa %1 im Tempo des letzten Laufs</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="146"/>
        <source> · the time is known once a run has been made</source>
        <translation> · die Dauer ist bekannt, sobald ein Lauf gemacht wurde</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="200"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
</context>
<context>
    <name>bksdm::HubMessages</name>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="17"/>
        <source>%1 has no such revision (branch, tag or commit).</source>
        <translation>%1 hat keine solche Revision (Branch, Tag oder Commit).</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="19"/>
        <source>%1 has no file %2.</source>
        <translation>%1 hat keine Datei %2.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="21"/>
        <source>If it is private, set a token (HF_TOKEN, or huggingface-cli login).</source>
        <translation>Falls das Repo privat ist, ein Token setzen (HF_TOKEN oder huggingface-cli login).</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="22"/>
        <source>If it is private, the token from %1 cannot see it.</source>
        <translation>Falls das Repo privat ist, kann das Token aus %1 es nicht sehen.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="24"/>
        <source>There is no model %1 on %2. Check its name. %3</source>
        <translation>Auf %2 gibt es kein Modell %1. Den Namen prüfen. %3</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="32"/>
        <source>%1 is gated or private, and no token is set. Accept its licence on %2 while signed in, create an access token at %3, and set it in HF_TOKEN (or run huggingface-cli login).</source>
        <translation>%1 ist zugangsbeschränkt oder privat, und es ist kein Token gesetzt. Angemeldet auf %2 die Lizenz akzeptieren, unter %3 ein Zugriffstoken erstellen und in HF_TOKEN setzen (oder huggingface-cli login ausführen).</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="37"/>
        <source>The Hub refused the token from %1 for %2: it is invalid or expired. Create a new one at %3.</source>
        <translation>Der Hub hat das Token aus %1 für %2 abgelehnt: Es ist ungültig oder abgelaufen. Unter %3 ein neues erstellen.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="45"/>
        <source>The token from %1 has no access to %2. Accept the licence on %3 with the account that owns the token, and make sure the token may read gated repos.</source>
        <translation>Das Token aus %1 hat keinen Zugriff auf %2. Mit dem Konto, dem das Token gehört, auf %3 die Lizenz akzeptieren und sicherstellen, dass das Token zugangsbeschränkte Repos lesen darf.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="51"/>
        <source>The Hub answered HTTP %1 %2.</source>
        <translation>Der Hub antwortete mit HTTP %1 %2.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="55"/>
        <source>Unexpected answer HTTP %1 %2 for %3.</source>
        <translation>Unerwartete Antwort HTTP %1 %2 für %3.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="62"/>
        <source>The transfer from %1 stalled.</source>
        <translation>Die Übertragung von %1 ist ins Stocken geraten.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="64"/>
        <source>%1 closed the connection.</source>
        <translation>%1 hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="66"/>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="72"/>
        <source>HF_HUB_OFFLINE is set, so nothing is downloaded. Models already in the cache can be used; unset HF_HUB_OFFLINE to download.</source>
        <translation>HF_HUB_OFFLINE ist gesetzt, daher wird nichts heruntergeladen. Modelle im Cache sind nutzbar; zum Herunterladen HF_HUB_OFFLINE entfernen.</translation>
    </message>
</context>
<context>
    <name>bksdm::InferenceWorker</name>
    <message>
        <location filename="../app/inference_worker.cpp" line="226"/>
        <source>No model is loaded.</source>
        <translation>Es ist kein Modell geladen.</translation>
    </message>
    <message>
        <location filename="../app/inference_worker.cpp" line="307"/>
        <source>No TAESD preview, showing Fast previews: %1</source>
        <translation>Keine TAESD-Vorschau, stattdessen schnelle Vorschauen: %1</translation>
    </message>
</context>
<context>
    <name>bksdm::InitImagePanel</name>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="25"/>
        <location filename="../ui/init_image_panel.cpp" line="119"/>
        <source>Start from an Image…</source>
        <translation>Ausgangsbild wählen…</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="25"/>
        <source>Paint Mask</source>
        <translation>Maske malen</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="26"/>
        <source>Clear Mask</source>
        <translation>Maske löschen</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="26"/>
        <source>Clear Image</source>
        <translation>Bild entfernen</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="28"/>
        <source>Start the next run from an image (img2img): open a file, drop one on the prompt, or use a result with Use as Init Image</source>
        <translation>Den nächsten Durchlauf von einem Bild aus starten (img2img): eine Datei öffnen, ein Bild auf den Prompt ziehen oder ein Ergebnis mit „Als Ausgangsbild verwenden“ übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="35"/>
        <source>Paint over the image what the run repaints (inpainting); the rest is kept</source>
        <translation>Auf dem Bild übermalen, was der Durchlauf neu malt (Inpainting); der Rest bleibt erhalten</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="40"/>
        <source>Denoising strength: how far the run moves from the image; 1 repaints it all. It runs this share of the steps.</source>
        <translation>Entrauschungsstärke: wie weit sich der Durchlauf vom Bild entfernt; 1 malt es ganz neu. Es wird dieser Anteil der Schritte ausgeführt.</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="44"/>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="119"/>
        <source>Change Image…</source>
        <translation>Bild wechseln…</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="126"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="127"/>
        <source>Init image %1; no mask: all of it changes</source>
        <translation>Ausgangsbild %1; keine Maske: Alles wird verändert</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="128"/>
        <source>Init image %1; the mask&apos;s white part is repainted</source>
        <translation>Ausgangsbild %1; der weiße Teil der Maske wird neu gemalt</translation>
    </message>
</context>
<context>
    <name>bksdm::JobQueue</name>
    <message>
        <location filename="../app/job_queue.cpp" line="16"/>
        <source>model&apos;s size</source>
        <translation>Größe des Modells</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="21"/>
        <source>(empty prompt)</source>
        <translation>(leerer Prompt)</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="28"/>
        <source>seed %1 · %2 · %3 steps</source>
        <translation>Seed %1 · %2 · %3 Schritte</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="29"/>
        <source>%1 · %2 images</source>
        <translation>%1 · %2 Bilder</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="30"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="31"/>
        <source>Paused: %1</source>
        <translation>Angehalten: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="37"/>
        <source>Prompt: %1</source>
        <translation>Prompt: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="38"/>
        <source>Negative prompt: %1</source>
        <translation>Negativer Prompt: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="39"/>
        <source>Seed: %1</source>
        <translation>Seed: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="39"/>
        <source>Size: %1</source>
        <translation>Größe: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="40"/>
        <source>Steps: %1</source>
        <translation>Schritte: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="41"/>
        <source>Scheduler: %1</source>
        <translation>Scheduler: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="41"/>
        <source>the model&apos;s</source>
        <translation>der des Modells</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="42"/>
        <source>Guidance: %1</source>
        <translation>CFG-Skala: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="42"/>
        <source>Images: %1</source>
        <translation>Bilder: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="43"/>
        <source>Restored from the last session: waits until you resume the queue.</source>
        <translation>Aus der letzten Sitzung wiederhergestellt: wartet, bis Sie die Warteschlange fortsetzen.</translation>
    </message>
</context>
<context>
    <name>bksdm::KnownModels</name>
    <message>
        <location filename="../app/hub/known_models.cpp" line="32"/>
        <source>VAE %1</source>
        <translation>VAE %1</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="34"/>
        <source>text encoder %1, U-Net %2, VAE %3</source>
        <translation>Text-Encoder %1, U-Net %2, VAE %3</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="42"/>
        <source>SD 2.1-base compressed: fewest U-Net blocks and no mid-block. The fastest.</source>
        <translation>Komprimiertes SD 2.1-base: die wenigsten U-Net-Blöcke und kein Mittelblock. Am schnellsten.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="46"/>
        <source>SD 2.1-base compressed: fewer U-Net blocks and no mid-block.</source>
        <translation>Komprimiertes SD 2.1-base: weniger U-Net-Blöcke und kein Mittelblock.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="49"/>
        <source>SD 2.1-base compressed: one block fewer in each U-Net stage.</source>
        <translation>Komprimiertes SD 2.1-base: ein Block weniger in jeder U-Net-Stufe.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="52"/>
        <source>SD v1.4 compressed: fewest U-Net blocks and no mid-block; distilled on 0.22M LAION pairs.</source>
        <translation>Komprimiertes SD v1.4: die wenigsten U-Net-Blöcke und kein Mittelblock; destilliert auf 0,22 Mio. LAION-Paaren.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="57"/>
        <source>SD v1.4 compressed: fewer U-Net blocks and no mid-block; distilled on 0.22M LAION pairs.</source>
        <translation>Komprimiertes SD v1.4: weniger U-Net-Blöcke und kein Mittelblock; destilliert auf 0,22 Mio. LAION-Paaren.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="62"/>
        <source>SD v1.4 compressed: one block fewer in each U-Net stage; distilled on 0.22M LAION pairs.</source>
        <translation>Komprimiertes SD v1.4: ein Block weniger in jeder U-Net-Stufe; destilliert auf 0,22 Mio. LAION-Paaren.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="67"/>
        <source>BK-SDM-Tiny distilled on ten times the data (2.3M LAION pairs).</source>
        <translation>BK-SDM-Tiny, destilliert auf zehnmal so vielen Daten (2,3 Mio. LAION-Paare).</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="70"/>
        <source>BK-SDM-Small distilled on ten times the data (2.3M LAION pairs).</source>
        <translation>BK-SDM-Small, destilliert auf zehnmal so vielen Daten (2,3 Mio. LAION-Paare).</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="73"/>
        <source>BK-SDM-Base distilled on ten times the data (2.3M LAION pairs).</source>
        <translation>BK-SDM-Base, destilliert auf zehnmal so vielen Daten (2,3 Mio. LAION-Paare).</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="76"/>
        <source>The teacher of BK-SDM-v2: the full SD 2.1 U-Net, 512 px.</source>
        <translation>Das Lehrermodell von BK-SDM-v2: das vollständige U-Net von SD 2.1, 512 px.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="79"/>
        <source>The teacher of BK-SDM: the full SD v1.4 U-Net, 512 px.</source>
        <translation>Das Lehrermodell von BK-SDM: das vollständige U-Net von SD v1.4, 512 px.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="88"/>
        <source>SD&apos;s VAE decoder fine-tuned on LAION images: smoother faces and details. Choose it in Preferences as the VAE.</source>
        <translation>Der VAE-Decoder von SD, auf LAION-Bildern nachtrainiert: glattere Gesichter und Details. In den Einstellungen als VAE wählen.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="93"/>
        <source>The tiny autoencoder the TAESD live previews decode with.</source>
        <translation>Der winzige Autoencoder, mit dem die TAESD-Live-Vorschau decodiert.</translation>
    </message>
</context>
<context>
    <name>bksdm::LockMessages</name>
    <message>
        <location filename="../app/hub/cache_file_lock.cpp" line="24"/>
        <source>Another program is downloading the same file right now (it holds %1).</source>
        <translation>Ein anderes Programm lädt gerade dieselbe Datei herunter (es hält %1).</translation>
    </message>
    <message>
        <location filename="../app/hub/cache_file_lock.cpp" line="27"/>
        <source>Cannot create the lock file %1: %2</source>
        <translation>Die Sperrdatei %1 kann nicht angelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>bksdm::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="90"/>
        <source>&amp;Off</source>
        <translation>&amp;Aus</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="91"/>
        <source>&amp;Fast (latent colours)</source>
        <translation>&amp;Schnell (Latent-Farben)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="92"/>
        <source>F&amp;ull (VAE decode)</source>
        <translation>&amp;Vollständig (VAE-Dekodierung)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="93"/>
        <source>&amp;TAESD (tiny decoder)</source>
        <translation>&amp;TAESD (kleiner Decoder)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="110"/>
        <source>%1 · 1 thread</source>
        <translation>%1 · 1 Thread</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="111"/>
        <source>%1 · %2 threads</source>
        <translation>%1 · %2 Threads</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="112"/>
        <source>%1 · low memory</source>
        <translation>%1 · wenig Speicher</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="166"/>
        <source>Cannot read the image %1.</source>
        <translation>Das Bild %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="201"/>
        <location filename="../ui/main_window.cpp" line="784"/>
        <source>BK-SDM Studio</source>
        <translation>BK-SDM Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="244"/>
        <source>&amp;Add Model Folder…</source>
        <translation>Modellordner &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="247"/>
        <source>&amp;Save Image As…</source>
        <translation>Bild &amp;speichern unter…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="248"/>
        <source>&amp;Copy Image</source>
        <translation>Bild &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="249"/>
        <location filename="../ui/main_window.cpp" line="350"/>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="252"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="253"/>
        <source>Cancel &amp;All</source>
        <translation>A&amp;lle abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="255"/>
        <source>&amp;Random Seed</source>
        <translation>&amp;Zufälliger Seed</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="265"/>
        <source>Vary (Str&amp;ong)</source>
        <translation>Variieren (&amp;stark)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="274"/>
        <source>&amp;Fit to Window</source>
        <translation>&amp;An Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="275"/>
        <source>&amp;Actual Size (100%)</source>
        <translation>&amp;Originalgröße (100 %)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="277"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="278"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="279"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="280"/>
        <source>&amp;Download Models…</source>
        <translation>Modelle herunter&amp;laden…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="282"/>
        <source>Download BK-SDM and Stable Diffusion models from the Hugging Face Hub</source>
        <translation>BK-SDM- und Stable-Diffusion-Modelle vom Hugging Face Hub herunterladen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="283"/>
        <source>&amp;Gallery</source>
        <translation>&amp;Galerie</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="289"/>
        <source>Gri&amp;d</source>
        <translation>Ra&amp;ster</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="439"/>
        <source>Generate (%1); while a run is going, adds to the queue</source>
        <translation>Bild erzeugen (%1); während eines Durchlaufs in die Warteschlange stellen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="441"/>
        <source>Stop the current run (%1)</source>
        <translation>Laufenden Durchlauf abbrechen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="483"/>
        <source>Write a prompt and press %1.
The image forms here step by step.</source>
        <translation>Einen Prompt eingeben und %1 drücken.
Das Bild entsteht hier Schritt für Schritt.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1103"/>
        <source>Cannot open the attention maps</source>
        <translation>Die Aufmerksamkeitskarten können nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="296"/>
        <source>Keep the cross-attention maps of the next runs, step by step, to see which words shaped which parts of the image</source>
        <translation>Die Aufmerksamkeitskarten (Cross-Attention) der nächsten Durchläufe Schritt für Schritt aufbewahren, um zu sehen, welche Wörter welche Bildteile geprägt haben</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="306"/>
        <source>Decode in &amp;Tiles</source>
        <translation>In &amp;Kacheln dekodieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="308"/>
        <source>Decode the image tile by tile: large images fit in less memory, and differ slightly where the tiles are blended</source>
        <translation>Das Bild Kachel für Kachel dekodieren: Große Bilder brauchen weniger Speicher und unterscheiden sich leicht dort, wo die Kacheln überblendet werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="328"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="334"/>
        <location filename="../ui/main_window.cpp" line="1384"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="335"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="339"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="348"/>
        <source>&amp;Live Preview</source>
        <translation>&amp;Live-Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="383"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="387"/>
        <source>&amp;About BK-SDM Studio</source>
        <translation>Ü&amp;ber BK-SDM Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="413"/>
        <source>About BK-SDM Studio</source>
        <translation>Über BK-SDM Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="422"/>
        <source>&amp;Prompt</source>
        <translation>&amp;Prompt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="423"/>
        <source>&amp;Negative prompt</source>
        <translation>&amp;Negativ-Prompt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="422"/>
        <source>What to draw, e.g. “a lighthouse on a cliff at dawn, oil painting”</source>
        <translation>Was zu sehen sein soll (auf Englisch), z. B. „a lighthouse on a cliff at dawn, oil painting“</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="103"/>
        <source>CUDA · %1</source>
        <translation>CUDA · %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="104"/>
        <source>CUDA · %1 (%2 GiB) · %3</source>
        <translation>CUDA · %1 (%2 GiB) · %3</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="245"/>
        <source>Add Model &amp;File…</source>
        <translation>Modell&amp;datei hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="246"/>
        <source>Add a single-file checkpoint (.safetensors), as A1111 and ComfyUI keep them</source>
        <translation>Einen Checkpoint in einer Datei (.safetensors) hinzufügen, wie A1111 und ComfyUI sie ablegen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="258"/>
        <source>&amp;Use as Init Image</source>
        <translation>Als Ausgangsbild &amp;verwenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="261"/>
        <source>Start the next run from this image (img2img); paint a mask on it to repaint a part</source>
        <translation>Den nächsten Durchlauf von diesem Bild aus starten (img2img); eine Maske darauf malen, um einen Teil neu zu malen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="262"/>
        <source>Vary (&amp;Subtle)</source>
        <translation>Variieren (&amp;dezent)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="264"/>
        <location filename="../ui/main_window.cpp" line="267"/>
        <source>Queue this image again with a random variation seed at strength %1</source>
        <translation>Dieses Bild erneut mit einem zufälligen Variations-Seed der Stärke %1 in die Warteschlange stellen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="268"/>
        <source>Compare with T&amp;eacher</source>
        <translation>Mit Le&amp;hrermodell vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="270"/>
        <source>Run this image&apos;s settings on the model this BK-SDM model was distilled from, and compare the two images and each word&apos;s attention maps</source>
        <translation>Die Einstellungen dieses Bildes auf dem Modell ausführen, aus dem dieses BK-SDM-Modell destilliert wurde, und die beiden Bilder sowie die Attention-Maps jedes Wortes vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="272"/>
        <source>Compare with Mo&amp;del…</source>
        <translation>Mit M&amp;odell vergleichen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="273"/>
        <source>Compare with &amp;Prompt…</source>
        <translation>Mit &amp;Prompt vergleichen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="285"/>
        <source>&amp;Resources</source>
        <translation>&amp;Ressourcen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="288"/>
        <source>LoRAs and embeddings: click one to add it to the prompt</source>
        <translation>LoRAs und Embeddings: ein Klick fügt es in den Prompt ein</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="291"/>
        <source>X/Y/Z grid: the form&apos;s run over up to three axes of values</source>
        <translation>X/Y/Z-Raster: der Lauf des Formulars über bis zu drei Werteachsen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="294"/>
        <source>Record Attention &amp;Maps</source>
        <translation>Auf&amp;merksamkeitskarten aufzeichnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="299"/>
        <source>Record the &amp;Negative Prompt&apos;s Maps Too</source>
        <translation>Karten des &amp;Negativ-Prompts auch aufzeichnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="301"/>
        <source>With attention maps on, also keep the negative prompt&apos;s, to see what each of its words steered away from</source>
        <translation>Bei eingeschalteten Aufmerksamkeitskarten auch die des Negativ-Prompts aufbewahren, um zu sehen, wovon jedes seiner Wörter weggelenkt hat</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="373"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="375"/>
        <source>&amp;Documentation</source>
        <translation>&amp;Dokumentation</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="377"/>
        <source>Open the app&apos;s guide (docs/app.md)</source>
        <translation>Die Anleitung der App öffnen (docs/app.md)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="406"/>
        <source>Cannot open the documentation</source>
        <translation>Die Dokumentation lässt sich nicht öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="407"/>
        <source>The guide (app.md) is not installed.</source>
        <translation>Die Anleitung (app.md) ist nicht installiert.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="407"/>
        <source>No program opens %1.</source>
        <translation>Kein Programm öffnet %1.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="414"/>
        <source>&lt;b&gt;BK-SDM Studio&lt;/b&gt; %1&lt;br&gt;Text-to-image with Nota AI&apos;s block-removed knowledge-distilled Stable Diffusion models (BK-SDM) and SD v1.4 / v2.1-base, in %2 on libtorch.</source>
        <translation>&lt;b&gt;BK-SDM Studio&lt;/b&gt; %1&lt;br&gt;Text-zu-Bild mit den blockreduzierten, wissensdestillierten Stable-Diffusion-Modellen von Nota AI (BK-SDM) sowie SD v1.4 / v2.1-base, in %2 auf libtorch.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="423"/>
        <source>What to avoid, e.g. “blurry, low quality”</source>
        <translation>Was vermieden werden soll, z. B. „blurry, low quality“</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="437"/>
        <location filename="../ui/main_window.cpp" line="1168"/>
        <source>Generate</source>
        <translation>Bild erzeugen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="440"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="546"/>
        <source>Cannot save to the gallery</source>
        <translation>Speichern in der Galerie nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="551"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="552"/>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="553"/>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="554"/>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="738"/>
        <location filename="../ui/main_window.cpp" line="739"/>
        <location filename="../ui/main_window.cpp" line="742"/>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="749"/>
        <source>Could not load %1:
%2</source>
        <translation>%1 konnte nicht geladen werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="751"/>
        <source>Cannot load the model</source>
        <translation>Modell kann nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="761"/>
        <source>%1 · %2 U-Net · %3 px · loaded in %4 s</source>
        <translation>%1 · U-Net %2 · %3 px · in %4 s geladen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="769"/>
        <source>%1 — BK-SDM Studio</source>
        <translation>%1 — BK-SDM Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="772"/>
        <source>Loaded %1</source>
        <translation>%1 geladen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="783"/>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="835"/>
        <source>The teacher is not downloaded</source>
        <translation>Das Lehrermodell ist nicht heruntergeladen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="836"/>
        <source>%1 was distilled from %2. Download it first (File &gt; Download Models), then compare again.</source>
        <translation>%1 wurde aus %2 destilliert. Laden Sie es zuerst herunter (Datei &gt; Modelle herunterladen) und vergleichen Sie dann erneut.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="852"/>
        <source>No other model to compare with: add or download one.</source>
        <translation>Kein anderes Modell zum Vergleichen: fügen Sie eines hinzu oder laden Sie eines herunter.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="856"/>
        <source>Compare with Model</source>
        <translation>Mit Modell vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="856"/>
        <source>Run this image&apos;s settings on:</source>
        <translation>Die Einstellungen dieses Bildes ausführen auf:</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="864"/>
        <source>Compare with Prompt</source>
        <translation>Mit Prompt vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="864"/>
        <source>Prompt B, on the same seed and settings:</source>
        <translation>Prompt B, mit demselben Seed und denselben Einstellungen:</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="878"/>
        <source>Comparing: the first run…</source>
        <translation>Vergleich: der erste Lauf…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="889"/>
        <source>Comparing: the second run…</source>
        <translation>Vergleich: der zweite Lauf…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="903"/>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="904"/>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="914"/>
        <location filename="../ui/main_window.cpp" line="985"/>
        <source>Load a model first.</source>
        <translation>Zuerst ein Modell laden.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="920"/>
        <source>Grid: runs queued: %1</source>
        <translation>Raster: Läufe in der Warteschlange: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="952"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="929"/>
        <location filename="../ui/main_window.cpp" line="952"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="993"/>
        <source>Queued: %1 waiting</source>
        <translation>Warteschlange: %1 wartend</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1010"/>
        <source>%1 s/step</source>
        <translation>%1 s/Schritt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1011"/>
        <source> · preview %1 ms</source>
        <translation> · Vorschau %1 ms</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1027"/>
        <source>Longest event-loop stall in the last run: %1 ms</source>
        <translation>Längste Blockade der Ereignisschleife im letzten Durchlauf: %1 ms</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1041"/>
        <source>The prompt was longer than %1 tokens; the rest was cut.</source>
        <translation>Der Prompt war länger als %1 Token; der Rest wurde abgeschnitten.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1047"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1051"/>
        <source>The run failed</source>
        <translation>Durchlauf fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1145"/>
        <source>Settings reused, seed locked; press %1 to generate.</source>
        <translation>Einstellungen übernommen, Seed gesperrt; %1 erzeugt das Bild.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1146"/>
        <source>Settings reused; the seed is unlocked, so the next run draws a new one.</source>
        <translation>Einstellungen übernommen; der Seed ist nicht gesperrt, der nächste Durchlauf zieht also einen neuen.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1147"/>
        <source>VAE set to %1, as the image was made with it.</source>
        <translation>VAE auf %1 gesetzt, da das Bild damit erstellt wurde.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1149"/>
        <source>Not found by name or hash: %1.</source>
        <translation>Weder nach Name noch nach Hash gefunden: %1.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1168"/>
        <source>Add to queue</source>
        <translation>Zur Warteschlange hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1181"/>
        <source>Start from an image</source>
        <translation>Ausgangsbild öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1182"/>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1201"/>
        <source>Cannot start from this image</source>
        <translation>Bild kann nicht als Ausgangsbild dienen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1212"/>
        <source>The next run starts from this image; paint a mask to repaint only a part.</source>
        <translation>Der nächste Durchlauf geht von diesem Bild aus; eine Maske malen, um nur einen Teil neu zu malen.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1227"/>
        <source>Cannot keep the mask</source>
        <translation>Maske kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1238"/>
        <source>A variation is queued (strength %1).</source>
        <translation>Eine Variation steht in der Warteschlange (Stärke %1).</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1242"/>
        <source>Add a model folder</source>
        <translation>Modellordner hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1247"/>
        <source>Add a model file</source>
        <translation>Eine Modelldatei hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1248"/>
        <source>Safetensors checkpoints (*.safetensors)</source>
        <translation>Safetensors-Checkpoints (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1267"/>
        <source>Not a usable model</source>
        <translation>Kein verwendbares Modell</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1281"/>
        <source>Save image</source>
        <translation>Bild speichern</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1281"/>
        <source>Images (*.png *.jpg *.webp)</source>
        <translation>Bilder (*.png *.jpg *.webp)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1290"/>
        <source>Cannot save the image</source>
        <translation>Bild kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1292"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1298"/>
        <source>Image copied.</source>
        <translation>Bild kopiert.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1333"/>
        <source>%1 is downloaded: choose it as the VAE in Preferences (TAESD serves the TAESD previews).</source>
        <translation>%1 ist heruntergeladen: in den Einstellungen als VAE wählen (TAESD dient der TAESD-Vorschau).</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1344"/>
        <source>Model downloaded</source>
        <translation>Modell heruntergeladen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1345"/>
        <source>%1 is downloaded. Load it now?</source>
        <translation>%1 ist heruntergeladen. Jetzt laden?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1379"/>
        <source>A run is in progress; quitting stops it.</source>
        <translation>Ein Durchlauf läuft; Beenden hält ihn an.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1380"/>
        <source>Jobs waiting in the queue: %1.</source>
        <translation>Aufträge in der Warteschlange: %1.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1381"/>
        <source>Quit BK-SDM Studio?</source>
        <translation>BK-SDM Studio beenden?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1382"/>
        <source>The stopped run and the queue are kept: they come back at the next start, paused until you press Resume.</source>
        <translation>Der angehaltene Durchlauf und die Warteschlange bleiben erhalten: Sie kommen beim nächsten Start zurück, angehalten, bis Sie „Fortsetzen“ drücken.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1412"/>
        <source>%1 jobs from the last session wait in the queue, paused: press Resume to run them.</source>
        <translation>%1 Aufträge aus der letzten Sitzung warten angehalten in der Warteschlange: „Fortsetzen“ führt sie aus.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1423"/>
        <source>The job is back in the form and out of the queue; Ctrl+Enter queues it again.</source>
        <translation>Der Auftrag ist zurück im Formular und aus der Warteschlange; Strg+Eingabe reiht ihn wieder ein.</translation>
    </message>
</context>
<context>
    <name>bksdm::MaskEditor</name>
    <message>
        <location filename="../ui/mask_editor.cpp" line="84"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="85"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="150"/>
        <source>Invert Mask</source>
        <translation>Maske umkehren</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="154"/>
        <source>Clear Mask</source>
        <translation>Maske löschen</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="317"/>
        <source>Erase</source>
        <translation>Radieren</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="317"/>
        <source>Paint</source>
        <translation>Malen</translation>
    </message>
</context>
<context>
    <name>bksdm::MaskToolBar</name>
    <message>
        <location filename="../ui/mask_editor.cpp" line="355"/>
        <source>Paint what the model repaints (X switches to the eraser)</source>
        <translation>Malen, was das Modell neu malt (X wechselt zum Radierer)</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="357"/>
        <source>Paint back what the model keeps (X switches to the brush)</source>
        <translation>Zurückmalen, was das Modell behält (X wechselt zum Pinsel)</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="364"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="365"/>
        <source>The brush&apos;s diameter in image pixels ([ and ] change it)</source>
        <translation>Durchmesser des Pinsels in Bildpixeln ([ und ] ändern ihn)</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="367"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="368"/>
        <source>How sharp the brush&apos;s edge is: 100 % is a hard edge</source>
        <translation>Wie scharf der Rand des Pinsels ist: 100 % ist ein harter Rand</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="354"/>
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="356"/>
        <source>Eraser</source>
        <translation>Radierer</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="369"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="371"/>
        <source>Hardness</source>
        <translation>Härte</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="374"/>
        <source>Invert</source>
        <translation>Umkehren</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="375"/>
        <source>Swap what is repainted and what is kept</source>
        <translation>Vertauschen, was neu gemalt und was behalten wird</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="376"/>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="377"/>
        <source>Keep the whole image</source>
        <translation>Das ganze Bild behalten</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="378"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="379"/>
        <source>Undo the last stroke (%1)</source>
        <translation>Letzten Strich rückgängig machen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="380"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="381"/>
        <source>Redo the stroke undone (%1)</source>
        <translation>Rückgängig gemachten Strich wiederholen (%1)</translation>
    </message>
</context>
<context>
    <name>bksdm::ModelCompareDialog</name>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="42"/>
        <source>Compare: %1 and %2</source>
        <translation>Vergleich: %1 und %2</translation>
    </message>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="50"/>
        <source>Word</source>
        <translation>Wort</translation>
    </message>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="50"/>
        <source>Pearson</source>
        <translation>Pearson</translation>
    </message>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="50"/>
        <source>IoU (top 20 %)</source>
        <translation>IoU (obere 20 %)</translation>
    </message>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="52"/>
        <source>Pearson&apos;s correlation of the word&apos;s two maps at the latent resolution: 1 alike, 0 unrelated, -1 opposite</source>
        <translation>Pearson-Korrelation der beiden Maps des Wortes in der Latent-Auflösung: 1 gleich, 0 unabhängig, -1 gegensätzlich</translation>
    </message>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="54"/>
        <source>The overlap of the two maps&apos; brightest fifths: their intersection over their union</source>
        <translation>Die Überlappung der hellsten Fünftel beider Maps: ihre Schnittmenge durch ihre Vereinigung</translation>
    </message>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="74"/>
        <source>The two prompts share no word with a map.</source>
        <translation>Die beiden Prompts haben kein gemeinsames Wort mit Map.</translation>
    </message>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="75"/>
        <source>Each word&apos;s maps over the whole run; click a column to sort.</source>
        <translation>Die Maps jedes Wortes über den ganzen Lauf; klicken Sie auf eine Spalte, um zu sortieren.</translation>
    </message>
</context>
<context>
    <name>bksdm::ModelDownload</name>
    <message>
        <location filename="../app/hub/model_download.cpp" line="58"/>
        <source>%1 is in the cache.</source>
        <translation>%1 ist im Cache.</translation>
    </message>
    <message>
        <location filename="../app/hub/model_download.cpp" line="62"/>
        <source>Download cancelled. What arrived stays in the cache: downloading %1 again resumes it.</source>
        <translation>Herunterladen abgebrochen. Bereits Empfangenes bleibt im Cache: Ein erneutes Herunterladen von %1 setzt dort fort.</translation>
    </message>
    <message>
        <location filename="../app/hub/model_download.cpp" line="75"/>
        <source>Listing the files of %1…</source>
        <translation>Dateien von %1 werden aufgelistet…</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/hub/model_download.cpp" line="80"/>
        <source>Asking the Hub about %n file(s)…</source>
        <translation>
            <numerusform>Der Hub wird nach %n Datei gefragt…</numerusform>
            <numerusform>Der Hub wird nach %n Dateien gefragt…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/hub/model_download.cpp" line="101"/>
        <source>Downloading %1 (%2 to fetch)…</source>
        <translation>%1 wird heruntergeladen (%2 zu laden)…</translation>
    </message>
    <message>
        <location filename="../app/hub/model_download.cpp" line="151"/>
        <source>%1 Trying again in %2 s (%3 of %4).</source>
        <translation>%1 Neuer Versuch in %2 s (%3 von %4).</translation>
    </message>
    <message>
        <location filename="../app/hub/model_download.cpp" line="171"/>
        <source>%1 needs %2 more in %3, but only %4 is free.</source>
        <translation>%1 braucht %2 mehr in %3, aber nur %4 sind frei.</translation>
    </message>
</context>
<context>
    <name>bksdm::ModelFileMessages</name>
    <message>
        <location filename="../app/hub/model_files.cpp" line="17"/>
        <source>%1 is not a diffusers model: it has no model_index.json.</source>
        <translation>%1 ist kein diffusers-Modell: model_index.json fehlt.</translation>
    </message>
    <message>
        <location filename="../app/hub/model_files.cpp" line="21"/>
        <source>%1 has no .safetensors weights for %2 (only pickle files, which are refused because loading one can run arbitrary code).</source>
        <translation>%1 hat keine .safetensors-Gewichte für %2 (nur Pickle-Dateien, die abgelehnt werden, weil ihr Laden beliebigen Code ausführen kann).</translation>
    </message>
</context>
<context>
    <name>bksdm::ModelManagerDialog</name>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="37"/>
        <source>Half-size weights (fp16 files) where the repo has them</source>
        <translation>Gewichte halber Größe (fp16-Dateien), wo das Repo sie hat</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="38"/>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="41"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="44"/>
        <source>Models are saved in the Hugging Face cache, %1, which diffusers and other tools share. Sizes are those of the fp32 weights.</source>
        <translation>Modelle werden im Hugging-Face-Cache %1 gespeichert, den diffusers und andere Werkzeuge mitbenutzen. Die Größen gelten für die fp32-Gewichte.</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="51"/>
        <source>HF_HUB_OFFLINE is set: nothing can be downloaded. Models already in the cache can be used.</source>
        <translation>HF_HUB_OFFLINE ist gesetzt: Es kann nichts heruntergeladen werden. Modelle im Cache sind nutzbar.</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="59"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="59"/>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="59"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="59"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="59"/>
        <source>About</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="68"/>
        <source>Another repo id, e.g. owner/name</source>
        <translation>Weitere Repo-ID, z. B. owner/name</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="69"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="99"/>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="104"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="104"/>
        <source>Found in the Hugging Face cache.</source>
        <translation>Im Hugging-Face-Cache gefunden.</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="129"/>
        <source>In the cache</source>
        <translation>Im Cache</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="139"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="139"/>
        <source>Added here; its files are listed when it downloads.</source>
        <translation>Hier hinzugefügt; die Dateien werden beim Herunterladen aufgelistet.</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="156"/>
        <source>&quot;%1&quot; is not a repo id: write it as owner/name, as in the repo&apos;s address on the Hub.</source>
        <translation>„%1“ ist keine Repo-ID: Sie lautet owner/name, wie in der Adresse des Repos auf dem Hub.</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="171"/>
        <source>Downloading…</source>
        <translation>Wird heruntergeladen…</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="186"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="186"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>bksdm::ModelPicker</name>
    <message>
        <location filename="../ui/model_picker.cpp" line="23"/>
        <source>%1 · %2 U-Net</source>
        <translation>%1 · U-Net %2</translation>
    </message>
    <message>
        <location filename="../ui/model_picker.cpp" line="69"/>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <location filename="../ui/model_picker.cpp" line="70"/>
        <source>Models in the Hugging Face cache and in folders you added</source>
        <translation>Modelle im Hugging-Face-Cache und in hinzugefügten Ordnern</translation>
    </message>
    <message>
        <location filename="../ui/model_picker.cpp" line="72"/>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/model_picker.cpp" line="75"/>
        <source>Add a diffusers model folder (one with model_index.json)</source>
        <translation>Einen diffusers-Modellordner hinzufügen (einen mit model_index.json)</translation>
    </message>
    <message>
        <location filename="../ui/model_picker.cpp" line="97"/>
        <source>Add a Checkpoint File (.safetensors)…</source>
        <translation>Checkpoint-Datei (.safetensors) hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/model_picker.cpp" line="153"/>
        <source>No model chosen.</source>
        <translation>Kein Modell gewählt.</translation>
    </message>
</context>
<context>
    <name>bksdm::NoModelPanel</name>
    <message>
        <location filename="../ui/no_model_panel.cpp" line="12"/>
        <source>No model is loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <location filename="../ui/no_model_panel.cpp" line="20"/>
        <source>BK-SDM Studio runs diffusers-format Stable Diffusion models (BK-SDM, SD 1.4, SD 2.1-base).
It finds those in the Hugging Face cache (%1)
and in folders you add.</source>
        <translation>BK-SDM Studio führt Stable-Diffusion-Modelle im diffusers-Format aus (BK-SDM, SD 1.4, SD 2.1-base).
Es findet sie im Hugging-Face-Cache (%1)
und in hinzugefügten Ordnern.</translation>
    </message>
    <message>
        <location filename="../ui/no_model_panel.cpp" line="33"/>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
</context>
<context>
    <name>bksdm::ParametersPanel</name>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="35"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="41"/>
        <source>Image width, a multiple of 8</source>
        <translation>Bildbreite, ein Vielfaches von 8</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="42"/>
        <source>Image height, a multiple of 8</source>
        <translation>Bildhöhe, ein Vielfaches von 8</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="46"/>
        <source>The sampler that turns noise into an image</source>
        <translation>Der Sampler, der Rauschen in ein Bild verwandelt</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="49"/>
        <source>Denoising steps: more is slower and usually finer</source>
        <translation>Entrauschungsschritte: mehr ist langsamer und meist feiner</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="54"/>
        <source>Classifier-free guidance: how strongly the image follows the prompt (1 turns it off)</source>
        <translation>Classifier-free Guidance: wie stark das Bild dem Prompt folgt (1 schaltet sie aus)</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="56"/>
        <source>Images per run, made together from one seed</source>
        <translation>Bilder pro Durchlauf, gemeinsam aus einem Seed erzeugt</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="58"/>
        <source>Plain text</source>
        <translation>Reiner Text</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="59"/>
        <source>A1111&apos;s prompt language: (word:1.3) and ((word)) weight words, [word] weakens them, BREAK starts a new chunk, [cat:dog:10] changes the text at step 10 and [cat|dog] alternates. Plain text reads brackets as text and cuts at %1 tokens, as diffusers does.</source>
        <translation>A1111s Prompt-Sprache: (Wort:1.3) und ((Wort)) gewichten Wörter, [Wort] schwächt sie ab, BREAK beginnt einen neuen Abschnitt, [cat:dog:10] ändert den Text bei Schritt 10 und [cat|dog] wechselt ab. Reiner Text liest Klammern als Text und schneidet wie diffusers bei %1 Token ab.</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="64"/>
        <source>Which text-encoder layer reads the prompt, counted from the last as A1111 counts: 1 is the last layer (the model&apos;s own), 2 the one before it</source>
        <translation>Welche Schicht des Text-Encoders den Prompt liest, von der letzten an gezählt wie in A1111: 1 ist die letzte Schicht (die des Modells), 2 die davor</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="70"/>
        <source>Common sizes</source>
        <translation>Gängige Größen</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="80"/>
        <source>&amp;Scheduler</source>
        <translation>Schedu&amp;ler</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="81"/>
        <source>S&amp;teps</source>
        <translation>Sch&amp;ritte</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="82"/>
        <source>G&amp;uidance</source>
        <translation>&amp;CFG-Skala</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="87"/>
        <source>See&amp;d</source>
        <translation>&amp;Seed</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="83"/>
        <source>Si&amp;ze</source>
        <translation>&amp;Größe</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="57"/>
        <source>A1111 language</source>
        <translation>A1111-Sprache</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="88"/>
        <source>&amp;Images</source>
        <translation>B&amp;ilder</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="89"/>
        <source>Prompt s&amp;yntax</source>
        <translation>Prompt-S&amp;yntax</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="90"/>
        <source>C&amp;LIP skip</source>
        <translation>CLIP-Schichten &amp;überspringen</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="143"/>
        <location filename="../ui/parameters_panel.cpp" line="154"/>
        <source>%1 (model default)</source>
        <translation>%1 (Modellstandard)</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="173"/>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
</context>
<context>
    <name>bksdm::PreferencesDialog</name>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="32"/>
        <source>The language changes when BK-SDM Studio starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von BK-SDM Studio.</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="33"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="34"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="35"/>
        <source>Fast (approximate colours from the latents)</source>
        <translation>Schnell (angenäherte Farben aus den Latents)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="36"/>
        <source>TAESD (a tiny decoder: near the final colours, cheap)</source>
        <translation>TAESD (kleiner Decoder: nahe an den endgültigen Farben, günstig)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="37"/>
        <source>Full (the real VAE: costs a decode each time)</source>
        <translation>Vollständig (echtes VAE: kostet jedes Mal eine Dekodierung)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="41"/>
        <source>every </source>
        <translation>alle </translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="42"/>
        <source> steps</source>
        <translation> Schritte</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="43"/>
        <source>every step</source>
        <translation>jeder Schritt</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="44"/>
        <source>madebyollin/taesd from the Hugging Face cache</source>
        <translation>madebyollin/taesd aus dem Hugging-Face-Cache</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="45"/>
        <source>The folder of a diffusers-format TAESD (config.json and diffusion_pytorch_model.safetensors); it serves SD 1.x and 2.x models alike</source>
        <translation>Der Ordner eines TAESD im diffusers-Format (config.json und diffusion_pytorch_model.safetensors); er dient SD-1.x- und SD-2.x-Modellen gleichermaßen</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="47"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="49"/>
        <location filename="../ui/preferences_dialog.cpp" line="118"/>
        <source>TAESD folder</source>
        <translation>TAESD-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="56"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="57"/>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="57"/>
        <source>CUDA GPU (%1)</source>
        <translation>CUDA-GPU (%1)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="63"/>
        <source>16-bit (fp16): half the memory, fastest</source>
        <translation>16 Bit (fp16): halber Speicher, am schnellsten</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="64"/>
        <source>32-bit (fp32): as the CPU computes</source>
        <translation>32 Bit (fp32): wie die CPU rechnet</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="65"/>
        <source>bfloat16 (bf16): fp16&apos;s speed, fp32&apos;s range</source>
        <translation>bfloat16 (bf16): Tempo von fp16, Wertebereich von fp32</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="71"/>
        <source>All cores</source>
        <translation>Alle Kerne</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="80"/>
        <source>The model computes in bfloat16 on this CPU&apos;s bf16 units: faster steps and half the weights&apos; memory; the images differ slightly from 32-bit ones, and their text says Precision: bf16. Applies when a model is next loaded.</source>
        <translation>Das Modell rechnet mit bfloat16 auf den bf16-Einheiten dieser CPU: schnellere Schritte und halber Speicher für die Gewichte; die Bilder weichen leicht von 32-Bit-Bildern ab, und ihr Text nennt Precision: bf16. Gilt ab dem nächsten Laden eines Modells.</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="152"/>
        <source>The model&apos;s own</source>
        <translation>Der des Modells</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="156"/>
        <source>The VAE that decodes the images, in place of the model&apos;s (e.g. stabilityai/sd-vae-ft-mse from Download Models): a folder with config.json and its weights. Applies when a model is next loaded.</source>
        <translation>Der VAE, der die Bilder decodiert, anstelle des VAE des Modells (z. B. stabilityai/sd-vae-ft-mse aus „Modelle herunterladen“): ein Ordner mit config.json und seinen Gewichten. Gilt, wenn das nächste Mal ein Modell geladen wird.</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="158"/>
        <source>Other…</source>
        <translation>Anderer…</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="160"/>
        <source>VAE folder</source>
        <translation>VAE-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="28"/>
        <source>Low memory (16-bit weights)</source>
        <translation>Wenig Speicher (16-Bit-Gewichte)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="29"/>
        <source>bf16 on this CPU (faster; images differ slightly)</source>
        <translation>bf16 auf dieser CPU (schneller; Bilder weichen leicht ab)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="68"/>
        <source>What the GPU computes in; the CPU computes in 32 bits, or in bf16 where it has bf16 units and that is chosen below. Applies when a model is next loaded.</source>
        <translation>Womit die GPU rechnet; die CPU rechnet mit 32 Bit oder, wo sie bf16-Einheiten hat und das unten gewählt ist, mit bf16. Gilt ab dem nächsten Laden eines Modells.</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="74"/>
        <source>Keeps the model&apos;s weights in 16 bits (its fp16 files when it has them) and computes in 32 bits: about half the memory, slightly slower steps, and images that differ very slightly. For the CPU; applies when a model is next loaded.</source>
        <translation>Hält die Gewichte des Modells in 16 Bit (seine fp16-Dateien, wenn es welche hat) und rechnet in 32 Bit: etwa halb so viel Speicher, etwas langsamere Schritte und Bilder, die sich ganz leicht unterscheiden. Für die CPU; gilt ab dem nächsten Laden eines Modells.</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="83"/>
        <source>This CPU has no bf16 units (avx512_bf16 or AMX): bfloat16 would run many times slower than 32 bits here.</source>
        <translation>Diese CPU hat keine bf16-Einheiten (avx512_bf16 oder AMX): bfloat16 liefe hier um ein Vielfaches langsamer als 32 Bit.</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="97"/>
        <source>Follow the system</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="98"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="99"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="103"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="116"/>
        <source>Live preview</source>
        <translation>Live-Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="117"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="119"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="120"/>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="121"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="124"/>
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="125"/>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="126"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>bksdm::ProgressPanel</name>
    <message>
        <location filename="../ui/progress_panel.cpp" line="14"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="31"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="98"/>
        <source>Encoding the prompt…</source>
        <translation>Prompt wird kodiert…</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="100"/>
        <source>Step %1 / %2</source>
        <translation>Schritt %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="102"/>
        <source>Decoding the image…</source>
        <translation>Bild wird dekodiert…</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="104"/>
        <source>%1 · %2 elapsed</source>
        <translation>%1 · %2 vergangen</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="105"/>
        <source>%1 · %2 left</source>
        <translation>%1 · noch %2</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="117"/>
        <source>Done in %1</source>
        <translation>Fertig in %1</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="120"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="123"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>bksdm::PromptEditor</name>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="25"/>
        <source>Past the %1-token limit: this part will be cut.</source>
        <translation>Über der Grenze von %1 Token: Dieser Teil wird abgeschnitten.</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="112"/>
        <source>Weight %1 (Ctrl+Up / Ctrl+Down change it)</source>
        <translation>Gewicht %1 (Strg+Hoch / Strg+Runter ändern es)</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="114"/>
        <source>Emphasis: (text) weights it by 1.1, [text] by 1/1.1, (text:w) by w</source>
        <translation>Betonung: (Text) gewichtet ihn mit 1,1, [Text] mit 1/1,1, (Text:w) mit w</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="116"/>
        <source>An escaped bracket: the character itself, not emphasis</source>
        <translation>Eine maskierte Klammer: das Zeichen selbst, keine Betonung</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="118"/>
        <source>BREAK: the text after it starts a new chunk of %1 tokens</source>
        <translation>BREAK: Der Text danach beginnt einen neuen Abschnitt von %1 Token</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="120"/>
        <source>Prompt editing: [from:to:when] uses “from” until step “when”, then “to”</source>
        <translation>Prompt-Bearbeitung: [von:zu:wann] nutzt „von“ bis Schritt „wann“, danach „zu“</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="122"/>
        <source>Alternation: [a|b] uses each option in turn, one step each</source>
        <translation>Abwechslung: [a|b] nutzt jede Option der Reihe nach, je einen Schritt</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="142"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="143"/>
        <source>%1 chunks · %2 tokens</source>
        <translation>%1 Abschnitte · %2 Token</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="146"/>
        <source>Tokens used of the %1 the text encoder reads; read as plain text, a longer prompt is cut</source>
        <translation>Verwendete Token von den %1, die der Text-Encoder liest; als reiner Text gelesen, wird ein längerer Prompt abgeschnitten</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="149"/>
        <source>Tokens used of the %1 the text encoder reads at once; a longer prompt is read in chunks of %1, up to %2 of them</source>
        <translation>Belegte Token von den %1, die der Textencoder auf einmal liest; ein längerer Prompt wird in Abschnitten zu %1 gelesen, bis zu %2 davon</translation>
    </message>
</context>
<context>
    <name>bksdm::QueuePanel</name>
    <message>
        <location filename="../ui/queue_panel.cpp" line="27"/>
        <source>Run earlier</source>
        <translation>Früher ausführen</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="28"/>
        <source>Run later</source>
        <translation>Später ausführen</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="29"/>
        <source>Remove from the queue</source>
        <translation>Aus der Warteschlange entfernen</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="30"/>
        <source>Cancel all: the current run and the queue</source>
        <translation>Alle abbrechen: laufender Durchlauf und Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="31"/>
        <source>Run the jobs restored from the last session</source>
        <translation>Die aus der letzten Sitzung wiederhergestellten Aufträge ausführen</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="36"/>
        <source>Cancel all</source>
        <translation>Alle abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="38"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="101"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="101"/>
        <source>Put it back into the form and take it out of the queue</source>
        <translation>Zurück ins Formular und aus der Warteschlange nehmen</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="102"/>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="103"/>
        <source>Move to &amp;Top</source>
        <translation>An den &amp;Anfang</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="128"/>
        <source>Queue (%1 waiting)</source>
        <translation>Warteschlange (%1 wartend)</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="128"/>
        <source>Queue (%1 waiting, %2 paused)</source>
        <translation>Warteschlange (%1 wartend, %2 angehalten)</translation>
    </message>
</context>
<context>
    <name>bksdm::ResourceListModel</name>
    <message>
        <location filename="../app/resource_library.cpp" line="165"/>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <location filename="../app/resource_library.cpp" line="167"/>
        <source>other (width %1)</source>
        <translation>andere (Breite %1)</translation>
    </message>
    <message>
        <location filename="../app/resource_library.cpp" line="167"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../app/resource_library.cpp" line="187"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/resource_library.cpp" line="187"/>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
</context>
<context>
    <name>bksdm::ResourcesPanel</name>
    <message>
        <location filename="../ui/resources_panel.cpp" line="29"/>
        <source>LoRA Folder…</source>
        <translation>LoRA-Ordner…</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="30"/>
        <source>Embeddings Folder…</source>
        <translation>Embedding-Ordner…</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="32"/>
        <source>Teacher&apos;s LoRAs by BK-SDM&apos;s copy table</source>
        <translation>LoRAs des Lehrermodells nach BK-SDMs Kopiertabelle</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="33"/>
        <source>Click a LoRA (or press Return) to add &lt;lora:NAME:1&gt; to the prompt at the cursor</source>
        <translation>Ein Klick auf ein LoRA (oder die Eingabetaste) fügt &lt;lora:NAME:1&gt; an der Schreibmarke in den Prompt ein</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="34"/>
        <source>Click an embedding (or press Return) to add its word to the prompt at the cursor</source>
        <translation>Ein Klick auf ein Embedding (oder die Eingabetaste) fügt sein Wort an der Schreibmarke in den Prompt ein</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="38"/>
        <source>The multipliers of the LoRAs the prompt names; a change rewrites the tag</source>
        <translation>Die Multiplikatoren der LoRAs, die der Prompt nennt; eine Änderung schreibt das Tag neu</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="40"/>
        <source>On a BK-SDM model, a LoRA trained on SD v1.4 or 2.1-base merges each block under the name of the teacher block it began as (needed on BK-SDM-Tiny for up-block layers)</source>
        <translation>Auf einem BK-SDM-Modell geht eine für SD v1.4 oder 2.1-base trainierte LoRA in jeden Block unter dem Namen des Lehrerblocks ein, aus dem er hervorging (auf BK-SDM-Tiny für Schichten der Up-Blöcke nötig)</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="52"/>
        <source>LoRAs</source>
        <translation>LoRAs</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="53"/>
        <source>Embeddings</source>
        <translation>Embeddings</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="93"/>
        <source>No folder chosen</source>
        <translation>Kein Ordner gewählt</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="127"/>
        <source>Choose the LoRA folder</source>
        <translation>LoRA-Ordner wählen</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="127"/>
        <source>Choose the embeddings folder</source>
        <translation>Embedding-Ordner wählen</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="168"/>
        <source>Last run: %1</source>
        <translation>Letzter Lauf: %1</translation>
    </message>
</context>
<context>
    <name>bksdm::SeedField</name>
    <message>
        <location filename="../ui/seed_field.cpp" line="20"/>
        <source>The random seed: the same seed and settings give the same image</source>
        <translation>Der Zufalls-Seed: Gleicher Seed und gleiche Einstellungen ergeben das gleiche Bild</translation>
    </message>
    <message>
        <location filename="../ui/seed_field.cpp" line="22"/>
        <source>A new random seed</source>
        <translation>Neuer Zufalls-Seed</translation>
    </message>
    <message>
        <location filename="../ui/seed_field.cpp" line="50"/>
        <source>Seed locked: every run uses this seed</source>
        <translation>Seed fixiert: Jeder Durchlauf nutzt diesen Seed</translation>
    </message>
    <message>
        <location filename="../ui/seed_field.cpp" line="50"/>
        <source>Seed unlocked: every run draws a new seed</source>
        <translation>Seed frei: Jeder Durchlauf zieht einen neuen Seed</translation>
    </message>
</context>
<context>
    <name>bksdm::ShortcutsDialog</name>
    <message>
        <location filename="../ui/shortcuts_dialog.cpp" line="49"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.cpp" line="50"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.cpp" line="50"/>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>bksdm::Studio</name>
    <message>
        <location filename="../app/studio.cpp" line="54"/>
        <source>The application is closing.</source>
        <translation>Die Anwendung wird beendet.</translation>
    </message>
    <message>
        <location filename="../app/studio.cpp" line="105"/>
        <source>No such job.</source>
        <translation>Auftrag nicht gefunden.</translation>
    </message>
</context>
<context>
    <name>bksdm::WelcomePanel</name>
    <message>
        <location filename="../ui/hub/welcome_panel.cpp" line="17"/>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/hub/welcome_panel.cpp" line="18"/>
        <source>Other models…</source>
        <translation>Andere Modelle…</translation>
    </message>
    <message>
        <location filename="../ui/hub/welcome_panel.cpp" line="22"/>
        <source>Welcome to BK-SDM Studio</source>
        <translation>Willkommen bei BK-SDM Studio</translation>
    </message>
    <message>
        <location filename="../ui/hub/welcome_panel.cpp" line="30"/>
        <source>To make images the app needs a text-to-image model. %1 is small and quick: %2, downloaded once from the Hugging Face Hub into its cache (%3), which diffusers shares. Or add a diffusers model folder you already have.</source>
        <translation>Zum Erzeugen von Bildern braucht die Anwendung ein Text-zu-Bild-Modell. %1 ist klein und schnell: %2, einmal vom Hugging Face Hub in dessen Cache (%3) geladen, den auch diffusers nutzt. Alternativ einen vorhandenen diffusers-Modellordner hinzufügen.</translation>
    </message>
    <message>
        <location filename="../ui/hub/welcome_panel.cpp" line="39"/>
        <source>Download %1 (%2)</source>
        <translation>%1 herunterladen (%2)</translation>
    </message>
    <message>
        <location filename="../ui/hub/welcome_panel.cpp" line="51"/>
        <source>HF_HUB_OFFLINE is set, so nothing can be downloaded; unset it to download a model.</source>
        <translation>HF_HUB_OFFLINE ist gesetzt, daher kann nichts heruntergeladen werden; zum Herunterladen eines Modells die Variable entfernen.</translation>
    </message>
    <message>
        <location filename="../ui/hub/welcome_panel.cpp" line="104"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>bksdm::gallery::CompareView</name>
    <message>
        <location filename="../ui/gallery/compare_view.cpp" line="57"/>
        <source>Back to the gallery</source>
        <translation>Zurück zur Galerie</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/gallery/compare_view.cpp" line="76"/>
        <source>Comparing %n images; what differs is highlighted.</source>
        <translation>
            <numerusform>%n Bild im Vergleich; Unterschiede sind hervorgehoben.</numerusform>
            <numerusform>%n Bilder im Vergleich; Unterschiede sind hervorgehoben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/gallery/compare_view.cpp" line="97"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/gallery/compare_view.cpp" line="136"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/gallery/compare_view.cpp" line="170"/>
        <source>The image cannot be read.</source>
        <translation>Das Bild kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>bksdm::gallery::DetailPanel</name>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="55"/>
        <source>Select an image to see how it was made.</source>
        <translation>Ein Bild auswählen, um zu sehen, wie es entstanden ist.</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="96"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="96"/>
        <source>This image does not say how it was made.</source>
        <translation>Dieses Bild enthält keine Angaben zu seiner Entstehung.</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="99"/>
        <location filename="../ui/gallery/detail_panel.cpp" line="101"/>
        <source>Read from</source>
        <translation>Gelesen aus</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="99"/>
        <source>the &quot;parameters&quot; text of bksdm, this program&apos;s command-line tool</source>
        <translation>dem „parameters“-Text von bksdm, dem Befehlszeilenwerkzeug dieses Programms</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="101"/>
        <source>the &quot;parameters&quot; text of another program</source>
        <translation>dem „parameters“-Text eines anderen Programms</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="102"/>
        <source>Attention maps</source>
        <translation>Aufmerksamkeitskarten</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="102"/>
        <source>saved beside the image</source>
        <translation>neben dem Bild gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="104"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="120"/>
        <source>The image cannot be read.</source>
        <translation>Das Bild kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>bksdm::gallery::Gallery</name>
    <message>
        <location filename="../app/gallery/gallery.cpp" line="100"/>
        <source>Cannot create the gallery folder %1.</source>
        <translation>Der Galerieordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../app/gallery/gallery.cpp" line="152"/>
        <source>No gallery folder is open.</source>
        <translation>Kein Galerieordner geöffnet.</translation>
    </message>
    <message>
        <location filename="../app/gallery/gallery.cpp" line="171"/>
        <source>Cannot move %1 to the trash.</source>
        <translation>%1 kann nicht in den Papierkorb verschoben werden.</translation>
    </message>
</context>
<context>
    <name>bksdm::gallery::GalleryWidget</name>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="107"/>
        <source>Reuse</source>
        <translation>Wiederverwenden</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="108"/>
        <source>Set the whole form from this image: prompt, model, scheduler, steps, guidance, size and seed</source>
        <translation>Das ganze Formular aus diesem Bild übernehmen: Prompt, Modell, Scheduler, Schritte, CFG-Skala, Größe und Seed</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="110"/>
        <source>Reuse with this seed</source>
        <translation>Mit diesem Seed wiederverwenden</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="111"/>
        <source>Reuse, and lock the seed, so that the next runs make this image again</source>
        <translation>Wiederverwenden und den Seed sperren, damit die nächsten Durchläufe dieses Bild erneut erzeugen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="114"/>
        <source>Reuse with new seed</source>
        <translation>Mit neuem Seed wiederverwenden</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="116"/>
        <source>Use as init image</source>
        <translation>Als Ausgangsbild verwenden</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="117"/>
        <source>Start the next run from this image (img2img)</source>
        <translation>Den nächsten Durchlauf von diesem Bild aus starten (img2img)</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="119"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="120"/>
        <source>Show the selected images side by side with their differences</source>
        <translation>Die ausgewählten Bilder nebeneinander mit ihren Unterschieden zeigen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="122"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="125"/>
        <source>Show in folder</source>
        <translation>Im Ordner anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="127"/>
        <source>Move to trash</source>
        <translation>In den Papierkorb verschieben</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="130"/>
        <source>Attention maps</source>
        <translation>Aufmerksamkeitskarten</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="131"/>
        <source>Show which regions each word of the prompt drove</source>
        <translation>Zeigen, welche Bereiche jedes Wort des Prompts geprägt hat</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="148"/>
        <source>Save every image automatically</source>
        <translation>Jedes Bild automatisch speichern</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="152"/>
        <source>Save attention maps with the images</source>
        <translation>Aufmerksamkeitskarten mit den Bildern speichern</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="160"/>
        <source>The gallery shown, and where new images are saved</source>
        <translation>Die angezeigte Galerie, in der auch neue Bilder gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="163"/>
        <source>Add a gallery folder…</source>
        <translation>Galerieordner hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="164"/>
        <source>Remove this gallery from the list</source>
        <translation>Diese Galerie aus der Liste entfernen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="165"/>
        <source>Open the folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="172"/>
        <source>Galleries</source>
        <translation>Galerien</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="178"/>
        <source>Search prompts</source>
        <translation>Prompts durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="184"/>
        <location filename="../ui/gallery/gallery_widget.cpp" line="323"/>
        <source>All models</source>
        <translation>Alle Modelle</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="186"/>
        <source>Any time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="186"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="186"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="186"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="186"/>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="188"/>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="188"/>
        <source>Oldest first</source>
        <translation>Älteste zuerst</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="188"/>
        <source>Seed, ascending</source>
        <translation>Seed, aufsteigend</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="188"/>
        <source>Seed, descending</source>
        <translation>Seed, absteigend</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="308"/>
        <source>Add a gallery folder</source>
        <translation>Galerieordner hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="380"/>
        <source>Images: %L1</source>
        <translation>Bilder: %L1</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="380"/>
        <source>Shown: %L1 of %L2 images</source>
        <translation>Angezeigt: %L1 von %L2 Bildern</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="381"/>
        <source>Reading the gallery… %1</source>
        <translation>Galerie wird gelesen… %1</translation>
    </message>
</context>
<context>
    <name>bksdm::saveImage</name>
    <message>
        <location filename="../app/generated_image.cpp" line="17"/>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/startup_options.cpp" line="21"/>
        <source>Text-to-image with BK-SDM and Stable Diffusion models.</source>
        <translation>Text-zu-Bild mit BK-SDM- und Stable-Diffusion-Modellen.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="24"/>
        <source>Load this model folder or cached repo id.</source>
        <translation>Diesen Modellordner oder diese Repo-ID aus dem Cache laden.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="25"/>
        <source>Start with this prompt.</source>
        <translation>Mit diesem Prompt starten.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="26"/>
        <source>Start with this negative prompt.</source>
        <translation>Mit diesem Negativ-Prompt starten.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="27"/>
        <source>Denoising steps.</source>
        <translation>Entrauschungsschritte.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="28"/>
        <source>Seed (locks it).</source>
        <translation>Seed (wird fixiert).</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="29"/>
        <source>The scheduler, one of %1.</source>
        <translation>Der Scheduler, einer von %1.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="30"/>
        <source>Image size, WIDTHxHEIGHT.</source>
        <translation>Bildgröße, BREITExHÖHE.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="31"/>
        <source>Generate once the model is loaded.</source>
        <translation>Erzeugen, sobald das Modell geladen ist.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="32"/>
        <source>After the run, save a screenshot of the window to this file and quit.</source>
        <translation>Nach dem Durchlauf ein Bildschirmfoto des Fensters in diese Datei speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="33"/>
        <source>Print the longest event-loop stall of each run.</source>
        <translation>Die längste Blockade der Ereignisschleife jedes Durchlaufs ausgeben.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="43"/>
        <source>--steps takes a positive number</source>
        <translation>--steps erwartet eine positive Zahl</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="45"/>
        <source>--seed takes a non-negative number</source>
        <translation>--seed erwartet eine nicht negative Zahl</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="49"/>
        <source>--scheduler: no scheduler &quot;%1&quot;; it takes one of %2</source>
        <translation>--scheduler: kein Scheduler „%1“; erlaubt sind %2</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="54"/>
        <source>--size takes WIDTHxHEIGHT, e.g. 512x768</source>
        <translation>--size erwartet BREITExHÖHE, z. B. 512x768</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="44"/>
        <source>bksdm-studio: no display to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); set one, or QT_QPA_PLATFORM=offscreen to run without showing it.</source>
        <translation>bksdm-studio: kein Bildschirm für das Fenster (weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt); setzen Sie eine davon, oder QT_QPA_PLATFORM=offscreen, um ohne Anzeige zu laufen.</translation>
    </message>
</context>
</TS>
