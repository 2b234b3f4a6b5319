import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { totalOf } from './client.js';
import { decodeGlpiText, expandedName, glpiContentToText, linkedId, linkedIds, pathOf } from './fields.js';

describe('GLPI API fields', () => {
  test('titles decoded once', () => {
    assert.equal(decodeGlpiText('Logiciel : erreur &#60;DB_TIMEOUT&#62;'), 'Logiciel : erreur <DB_TIMEOUT>');
    assert.equal(decodeGlpiText('Téléphone &#38; internet'), 'Téléphone & internet');
    assert.equal(decodeGlpiText('Imprimante "accueil"'), 'Imprimante "accueil"');
  });

  test('HTML content becomes text', () => {
    const stored = '&#60;p&#62;Bonjour,&#60;/p&#62;&#60;p&#62;File d\'attente &#38;gt; 10 patients.&#60;/p&#62;';
    assert.equal(glpiContentToText(stored), "Bonjour,\nFile d'attente > 10 patients.");
  });

  test('line breaks and lists kept', () => {
    assert.equal(glpiContentToText('&#60;p&#62;a&#60;br&#62;b&#60;/p&#62;&#60;ul&#62;&#60;li&#62;c&#60;/li&#62;&#60;/ul&#62;'), 'a\nb\n\n- c');
  });

  test('lone angle brackets kept', () => {
    const stored = '&#60;p&#62;les symboles &#60; et &#62; disparaissent &#38; le texte&#60;/p&#62;&#60;p&#62;&#60;em&#62;T° &#38;gt; 38,5&#60;/em&#62;&#60;/p&#62;';
    assert.equal(glpiContentToText(stored), 'les symboles < et > disparaissent & le texte\nT° > 38,5');
  });

  test('plain text keeps newlines', () => {
    assert.equal(glpiContentToText('Rappel automatique\n\n-- \n&#60;pas de code erreur&#62;'), 'Rappel automatique\n\n-- \n<pas de code erreur>');
  });

  test('zero key is no name', () => {
    assert.equal(expandedName(0), undefined);
    assert.equal(expandedName('Bâtiment A &#62; Urgences'), 'Bâtiment A > Urgences');
  });

  test('ids read from links', () => {
    const row = { links: [{ rel: 'Entity', href: 'http://x/apirest.php/Entity/2' }, { rel: 'User', href: 'http://x/apirest.php/User/21' }, { rel: 'User', href: 'http://x/apirest.php/User/29' }] };
    assert.equal(linkedId(row, 'Entity'), 2);
    assert.deepEqual(linkedIds(row, 'User'), [21, 29]);
    assert.equal(linkedId(row, 'Location'), undefined);
  });

  test('paths split on separator', () => {
    assert.deepEqual(pathOf('Entité racine > GH Luberon > CH de Valbonne'), ['Entité racine', 'GH Luberon', 'CH de Valbonne']);
  });

  test('content range total read', () => {
    assert.equal(totalOf('0-49/62'), 62);
    assert.equal(totalOf('62-61/62'), 62);
    assert.equal(totalOf(null), undefined);
    assert.equal(totalOf('bytes */62'), undefined);
  });
});
